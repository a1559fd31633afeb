/** Letters: templates per route and language, filled from the case (composeLetter), saved as evidence (saveLetter). */
export { composeLetter, formatMoney, letterDue, shortSha256 } from './compose';
export type { Letter, LetterChoices, LetterDue, LetterFacts } from './compose';
export { letterFacts } from './facts';
export { defaultDemand, defaultLetterLanguage, LETTER_DEMANDS, LETTER_LANGUAGES, LETTER_PROBLEMS, LETTER_ROUTES, ROUTES } from './routes';
export type { LetterDemand, LetterProblem, LetterRoute } from './routes';
export { letterFileName, MAX_LETTER_CHARS, saveLetter } from './save';
export { recordLetterSent, WHAT_SENDING_STARTS } from './sent';
export type { SendingRecord } from './sent';
export { initialLetterChoices, ROUTE_FOR_STEP } from './start';
export type { InitialLetterChoices, LetterStartInput } from './start';
