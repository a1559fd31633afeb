import { defineArea } from '../area';

export const backup = defineArea({}, { zh_CN: {}, ru: {} });
