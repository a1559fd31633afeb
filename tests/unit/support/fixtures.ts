import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** Vitest runs from the project root. */
export const FIXTURES_DIR = resolve('tests/fixtures');

/** A fixture page of this project, parsed as a browser would. */
export function fixtureDocument(relativePath: string): Document {
  return htmlDocument(readFileSync(resolve(FIXTURES_DIR, relativePath), 'utf8'));
}

export function htmlDocument(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}
