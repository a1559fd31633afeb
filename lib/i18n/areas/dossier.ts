import { defineArea } from '../area';

export const dossier = defineArea({}, { zh_CN: {}, ru: {} });
