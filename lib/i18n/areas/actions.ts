import { defineArea } from '../area';

export const actions = defineArea({}, { zh_CN: {}, ru: {} });
