/**
 * The user's settings in storage.local, one zod schema with a default for every field, so a missing or
 * damaged value reads as its default instead of breaking the feature that reads it.
 */
import { z } from 'zod';
import type { KeyValueArea } from './current-case';

export const SETTINGS_KEY = 'settings';

export const SettingsSchema = z.object({
  /** Show the "Save order to DisputeKit" button on recognised order pages. */
  pageButton: z.boolean().default(true),
});
export type Settings = z.infer<typeof SettingsSchema>;

export async function readSettings(area: KeyValueArea): Promise<Settings> {
  const stored: unknown = (await area.get(SETTINGS_KEY))[SETTINGS_KEY];
  const raw = typeof stored === 'object' && stored !== null ? stored : {};
  // Field by field: one bad value falls back to its default without dropping the others.
  const settings = SettingsSchema.parse({});
  for (const key of Object.keys(SettingsSchema.shape) as (keyof Settings)[]) {
    const field = SettingsSchema.shape[key].safeParse((raw as Record<string, unknown>)[key]);
    if (field.success) settings[key] = field.data;
  }
  return settings;
}

export async function writeSettings(area: KeyValueArea, changes: Partial<Settings>): Promise<void> {
  const current = await readSettings(area);
  await area.set({ [SETTINGS_KEY]: { ...current, ...changes } });
}
