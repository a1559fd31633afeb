import { defineArea } from '../area';

export const checklist = defineArea({}, { zh_CN: {}, ru: {} });
