// Checks shared by the screenshot tests: what in a page's text and layout is wrong. `textProblems` runs in
// the page (page.evaluate(textProblems, options)), so it uses nothing from outside its own body.

// Names that stay in Latin letters in every language: brands, codes such as SHA-256 and UTC, file formats,
// the Esc key, and "English", the English language's
// own name in a language picker.
export const LATIN_ALLOWED = ['DisputeKit', 'AliExpress', 'Taobao', 'Tmall', 'Yandex', 'Market', 'PayPal', 'Visa', 'Mastercard', 'UnionPay', 'KB', 'MB', 'GB', 'TB', 'SHA', 'Alipay', 'ID', 'Wangwang', 'HTML', 'MHTML', 'Esc', 'PDF', 'ZIP', 'UTC', 'English'];

/**
 * Untranslated strings (a raw key, a {placeholder}, English words in zh_CN or ru beyond `allowed`), broken
 * values, a time invented for a day (a `<time datetime="YYYY-MM-DD">` or an element marked
 * `data-precision="day"` that shows a time of day, or another day of the month than its own), text overflowing
 * its box, and anything wider than `root` or the window.
 * `data`: a selector for page data and the user's own text, which are not the extension's strings.
 * `message`: a selector for a textarea whose value is the extension's text with page data in it.
 */
export function textProblems({ locale, allowed, root = 'main', data = '', message, boxName = 'the page' }) {
  const found = [];
  const main = document.querySelector(root);
  if (!main) return [`no ${root} to check`];
  const mainRect = main.getBoundingClientRect();
  const isData = (el) => Boolean(data && el.closest(data));
  const texts = [];
  const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent.trim();
    if (text && !isData(node.parentElement) && !node.parentElement.closest('textarea, style, script')) texts.push(text);
  }
  for (const control of main.querySelectorAll('button, label, summary, option')) {
    // A label around a select would run its options together ("AliExpressTaobao"); the walker above has its text.
    if (isData(control) || (control.tagName === 'LABEL' && control.querySelector('select'))) continue;
    texts.push(control.textContent.trim());
  }
  for (const el of main.querySelectorAll('[title], [alt], [placeholder], [aria-label]')) {
    if (isData(el)) continue;
    for (const attribute of ['title', 'alt', 'placeholder', 'aria-label']) texts.push(el.getAttribute(attribute) ?? '');
  }
  const textarea = message && main.querySelector(message);
  const pageData = data ? [...main.querySelectorAll(data)].map((el) => el.textContent.trim()).filter(Boolean) : [];
  if (textarea) texts.push(pageData.reduce((text, value) => text.replaceAll(value, ''), textarea.value));

  for (const raw of texts) {
    // Shortened hashes ("1a2b3c4d…9f8e7d6c") are not words.
    const text = raw.replace(/\b[0-9a-f]{8}…[0-9a-f]{8}\b/g, '');
    if (/\{\w+\}/.test(text)) found.push(`placeholder left: "${text}"`);
    if (/\b(?:checklist|ladder|rule|order|capture|case|casePage|caseAdd|error|popup|list|platform|evidence|evidenceList|evidenceKind|actions|fullpage|dashboard|gallery|timeline|notes|dossier|letters|backup|deadline|plan|reading|readings)\.[\w.-]+\b/.test(text)) found.push(`raw key: "${text}"`);
    if (text.includes('undefined') || text.includes('NaN')) found.push(`broken value: "${text}"`);
    if (locale !== 'en') {
      const english = (text.match(/[A-Za-z]{2,}/g) ?? []).filter((word) => !allowed.includes(word));
      if (english.length) found.push(`English in ${locale}: ${english.join(' ')} ← "${text}"`);
    }
  }

  // A day (from the page, or a due known to the day) is shown as that day: no time of day nobody gave ("Nov 2,
  // 7:00 PM" for 3 Nov stored as midnight UTC), and its own day of the month. 24:00, the end of a day, is no
  // invented time: it is when a day-counted deadline ends.
  for (const el of main.querySelectorAll('time[datetime], [data-precision="day"]')) {
    const stated = el.getAttribute('datetime') ?? el.getAttribute('data-day') ?? '';
    const day = /^\d{4}-\d\d-(\d\d)$/.exec(stated);
    if (!day && el.getAttribute('data-precision') !== 'day') continue;
    const text = el.textContent.trim();
    const times = (text.match(/\b\d{1,2}:\d\d\b/g) ?? []).filter((time) => time !== '24:00');
    if (times.length) found.push(`invented time: "${text}" is a day${stated ? ` (${stated})` : ''}`);
    if (day && !new RegExp(`(^|\\D)${Number(day[1])}(\\D|$)`).test(text)) found.push(`day moved: "${text}" is not day ${Number(day[1])} (${stated})`);
  }

  for (const el of main.querySelectorAll('*')) {
    const style = getComputedStyle(el);
    if (style.display === 'none' || el.closest('details:not([open]) > :not(summary)')) continue;
    const rect = el.getBoundingClientRect();
    const name = `${el.tagName.toLowerCase()}${el.dataset.testid ? `[${el.dataset.testid}]` : ''}.${el.className}`;
    if (rect.width && rect.right > mainRect.right + 0.5) found.push(`wider than ${boxName}: ${name} (${Math.round(rect.right)} > ${Math.round(mainRect.right)})`);
    const ownText = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
    if (ownText && style.display !== 'inline' && el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1) {
      found.push(`text overflows: ${name} "${el.textContent.trim().slice(0, 40)}" (${el.scrollWidth} > ${el.clientWidth})`);
    }
  }
  if (document.documentElement.scrollWidth > window.innerWidth) found.push(`${boxName} scrolls sideways (${document.documentElement.scrollWidth} > ${window.innerWidth})`);
  return found;
}
