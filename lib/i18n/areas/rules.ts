import { defineArea } from '../area';

export const rules = defineArea({}, { zh_CN: {}, ru: {} });
