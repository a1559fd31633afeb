/** Opens a case's own page (case.html, built on another branch) in a new tab. The one way to open a case. */
import { browser } from 'wxt/browser';

export function caseUrl(caseId: string): string {
  // case.html is not in this build's list of known pages yet, so the URL is made from the extension's root.
  return `${browser.runtime.getURL('/')}case.html?id=${encodeURIComponent(caseId)}`;
}

export async function openCase(caseId: string): Promise<void> {
  await browser.tabs.create({ url: caseUrl(caseId) });
}
