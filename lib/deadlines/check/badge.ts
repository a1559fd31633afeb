/**
 * The toolbar badge: time to the nearest deadline over all open cases, "2d" or "5h", coloured by urgency,
 * empty when there is none. Days and hours are rounded down, so the badge never promises more time than is left.
 * When a buyer's deadline was missed in the last days and nothing was done about it, the badge says so with a
 * mark of its own: "!" (before the time left when it fits, "!2d") on a colour no countdown uses.
 */
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export const BADGE_COLORS = { urgent: '#d93025', soon: '#e8710a', later: '#1a73e8', missed: '#6a1b9a' } as const;

export interface Badge {
  text: string;
  color: string;
}

/**
 * The badge for a deadline `msLeft` away; undefined (no badge) when nothing is ahead and nothing was missed.
 * `missed`: a buyer's deadline passed recently with nothing done (lib/deadlines/case-status.ts recentlyMissed).
 */
export function badgeFor(msLeft: number | undefined, missed = false): Badge | undefined {
  const ahead = countdownBadge(msLeft);
  if (!missed) return ahead;
  // A badge shows about four characters: "!99d+" does not fit, "!" alone still says what matters most.
  return { text: ahead && ahead.text.length <= 3 ? `!${ahead.text}` : '!', color: BADGE_COLORS.missed };
}

function countdownBadge(msLeft: number | undefined): Badge | undefined {
  if (msLeft === undefined || msLeft <= 0) return undefined;
  const days = Math.floor(msLeft / DAY);
  // A badge shows about four characters: a deadline months away reads "99d+".
  const text = days > 99 ? '99d+' : days >= 1 ? `${days}d` : msLeft >= HOUR ? `${Math.floor(msLeft / HOUR)}h` : '<1h';
  const color = msLeft < DAY ? BADGE_COLORS.urgent : msLeft < 3 * DAY ? BADGE_COLORS.soon : BADGE_COLORS.later;
  return { text, color };
}

/** When the badge for a deadline `msLeft` away next reads differently: the next whole day, or hour, boundary. */
export function msUntilBadgeChanges(msLeft: number): number {
  if (msLeft <= 0) return Infinity;
  if (msLeft < HOUR) return msLeft; // "<1h" until the deadline passes
  const unit = msLeft >= DAY ? DAY : HOUR;
  // The shown number drops once the time left falls below the whole unit it is on: just past the remainder.
  return (msLeft % unit) + 1;
}

/** The browser's toolbar button: `action` in MV3, `browserAction` in Firefox's MV2. */
export interface ToolbarButton {
  setBadgeText(details: { text: string }): Promise<void>;
  setBadgeBackgroundColor(details: { color: string }): Promise<void>;
}

export async function showBadge(button: ToolbarButton, badge: Badge | undefined): Promise<void> {
  await button.setBadgeText({ text: badge?.text ?? '' });
  if (badge) await button.setBadgeBackgroundColor({ color: badge.color });
}
