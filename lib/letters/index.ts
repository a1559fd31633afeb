/** Letters: templates per route and language, filled from the case (composeLetter), saved as evidence (saveLetter). */
export { composeLetter, letterDue } from './compose';
export type { Letter, LetterChoices, LetterFacts } from './compose';
export { letterFacts } from './facts';
export { defaultDemand, defaultLetterLanguage, LETTER_DEMANDS, LETTER_LANGUAGES, LETTER_PROBLEMS, LETTER_ROUTES } from './routes';
export type { LetterDemand, LetterProblem, LetterRoute } from './routes';
export { letterFileName, MAX_LETTER_CHARS, saveLetter } from './save';
export { recordLetterSent, WHAT_SENDING_STARTS } from './sent';
export { initialLetterChoices } from './start';
