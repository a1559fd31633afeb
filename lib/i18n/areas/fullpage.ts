import { defineArea } from '../area';

export const fullpage = defineArea({}, { zh_CN: {}, ru: {} });
