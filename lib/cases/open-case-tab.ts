/** Opens a case's own page (case.html) in a new tab: the one way to open a case. */
import { browser } from 'wxt/browser';

/** The part of a case page's address that names one deadline to show: `#deadline-<rule>`. */
export function deadlineHash(rule: string): string {
  return `#deadline-${encodeURIComponent(rule)}`;
}

/** The rule a case page's address names (`#deadline-<rule>`), if any. */
export function deadlineFromHash(hash: string): string | undefined {
  const match = /^#deadline-(.+)$/.exec(hash);
  if (!match) return undefined;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return undefined;
  }
}

/** case.html for the case, at one of its deadlines when `rule` is given (a notification about it). */
export function caseUrl(caseId: string, rule?: string): string {
  // case.html is not in this build's list of known pages, so the URL is made from the extension's root.
  return `${browser.runtime.getURL('/')}case.html?id=${encodeURIComponent(caseId)}${rule ? deadlineHash(rule) : ''}`;
}

export async function openCase(caseId: string, rule?: string): Promise<void> {
  await browser.tabs.create({ url: caseUrl(caseId, rule) });
}
