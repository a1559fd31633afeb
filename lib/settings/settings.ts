/**
 * The user's settings, one zod schema kept in storage.local under one key. Other features add their fields
 * to `SettingsSchema` (each with a default), so an older stored object still parses and gains the new ones.
 * `zod/mini`. The content scripts do not carry this schema: they read the one field they need in plain code
 * (./page-button-setting.ts).
 */
import * as z from 'zod/mini';
import { PAGE_BUTTON_DEFAULT, SETTINGS_KEY } from './page-button-setting';

export { SETTINGS_KEY };

/** Hours before a deadline at which a notification is sent: 7 days, 3 days, 1 day, 6 hours. */
export const DEFAULT_NOTIFY_BEFORE_HOURS = [168, 72, 24, 6];
/** A year ahead is the most a reminder can usefully be set; anything larger is a typing slip. */
export const MAX_NOTIFY_BEFORE_HOURS = 24 * 365;

/** The language of every user-visible text: 'auto' follows the browser's UI language (lib/i18n/locale.ts). */
export const LANGUAGE_CHOICES = ['auto', 'en', 'zh_CN', 'ru'] as const;
export type LanguageChoice = (typeof LANGUAGE_CHOICES)[number];

export const SettingsSchema = z.object({
  language: z._default(z.enum(LANGUAGE_CHOICES), 'auto'),
  /** Show the "Save order to DisputeKit" button on recognised order pages. */
  pageButton: z._default(z.boolean(), PAGE_BUTTON_DEFAULT),
  /** Distinct, positive, largest first; empty means "no notifications". */
  notifyBeforeHours: z._default(
    z.pipe(
      z.array(z.number().check(z.positive(), z.maximum(MAX_NOTIFY_BEFORE_HOURS))).check(z.maxLength(10)),
      z.transform((hours: number[]) => [...new Set(hours)].sort((a, b) => b - a)),
    ),
    DEFAULT_NOTIFY_BEFORE_HOURS,
  ),
  /**
   * Trusted timestamps (RFC 3161): off unless the user switches them on in Settings, which also asks for the
   * chosen authority's host (lib/timestamp/authorities.ts). `authority` is an id of TIMESTAMP_AUTHORITIES or
   * 'custom' with `customUrl`. A stored value that does not parse falls back to this default: off.
   */
  timestamps: z._default(
    z.object({
      enabled: z.boolean(),
      authority: z.string().check(z.maxLength(64)),
      customUrl: z.optional(z.string().check(z.maxLength(2048))),
    }),
    { enabled: false, authority: 'freetsa' },
  ),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = SettingsSchema.parse({});

/** The part of `browser.storage.local` settings need; the real one and WXT's fake both fit. */
export interface SettingsStorage {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/** The stored settings; a stored value that no longer parses falls back field by field to the defaults. */
export async function loadSettings(storage: SettingsStorage): Promise<Settings> {
  const stored = (await storage.get(SETTINGS_KEY))[SETTINGS_KEY];
  const object = stored && typeof stored === 'object' ? (stored as Record<string, unknown>) : {};
  const whole = SettingsSchema.safeParse(object);
  if (whole.success) return whole.data;
  const fields: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(SettingsSchema.shape)) {
    const parsed = field.safeParse(object[key]);
    if (parsed.success) fields[key] = parsed.data;
  }
  return SettingsSchema.parse(fields);
}

/** Saves a change to some settings; the others keep their stored values. Throws (saving nothing) on an invalid value. */
export async function saveSettings(storage: SettingsStorage, change: Partial<Settings>): Promise<Settings> {
  const next = SettingsSchema.parse({ ...(await loadSettings(storage)), ...change });
  await storage.set({ [SETTINGS_KEY]: next });
  return next;
}

/** "7d, 3d, 1d, 6h" as hours, largest first; or the first part that is not a number with d or h. */
export function parseThresholds(text: string): { ok: true; hours: number[] } | { ok: false; part: string } {
  const hours: number[] = [];
  for (const raw of text.split(/[,;，、\s]+/)) {
    const part = raw.trim();
    if (!part) continue;
    const match = /^(\d+(?:\.\d+)?)\s*([dh])$/i.exec(part);
    const value = match ? Number(match[1]) * (match[2].toLowerCase() === 'd' ? 24 : 1) : NaN;
    if (!(value > 0 && value <= MAX_NOTIFY_BEFORE_HOURS)) return { ok: false, part };
    hours.push(value);
  }
  return { ok: true, hours: [...new Set(hours)].sort((a, b) => b - a) };
}

/** Hours as the user writes them: whole days as "3d", the rest as "6h". */
export function formatThresholds(hours: number[]): string {
  return hours.map((h) => (h % 24 === 0 ? `${h / 24}d` : `${h}h`)).join(', ');
}
