import { defineArea } from '../area';

export const letters = defineArea({}, { zh_CN: {}, ru: {} });
