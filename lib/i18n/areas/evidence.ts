import { defineArea } from '../area';

export const evidence = defineArea({}, { zh_CN: {}, ru: {} });
