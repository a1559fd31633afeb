// The content script reads the in-page button's setting without the settings' zod schema: the same answer as
// loadSettings gives, for whatever is stored.
import { describe, expect, it } from 'vitest';
import { readPageButtonSetting } from '@/lib/settings/page-button-setting';
import { loadSettings, SETTINGS_KEY } from '@/lib/settings/settings';

const storageWith = (stored: Record<string, unknown>) => ({ get: async (key: string) => (key in stored ? { [key]: stored[key] } : {}), set: async () => {} });

describe('the in-page button’s setting, as the content script reads it', () => {
  const stored: unknown[] = [
    undefined,
    null,
    'on',
    [],
    { pageButton: false },
    { pageButton: true },
    { pageButton: 'false' },
    { pageButton: 0 },
    { pageButton: null },
    { language: 'ru', pageButton: false, notifyBeforeHours: [24] },
    // Another field broken: the button's own field still counts.
    { language: 'de', pageButton: false },
    { notifyBeforeHours: 'soon', pageButton: false },
    {},
  ];
  it.each(stored.map((value) => ({ value })))('$value: as loadSettings reads it', async ({ value }) => {
    const storage = storageWith(value === undefined ? {} : { [SETTINGS_KEY]: value });
    expect(await readPageButtonSetting(storage)).toBe((await loadSettings(storage)).pageButton);
  });

  it('is off only when the user turned it off', async () => {
    expect(await readPageButtonSetting(storageWith({ [SETTINGS_KEY]: { pageButton: false } }))).toBe(false);
    expect(await readPageButtonSetting(storageWith({}))).toBe(true);
  });
});
