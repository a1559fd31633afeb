import { defineArea } from '../area';

export const dashboard = defineArea({}, { zh_CN: {}, ru: {} });
