/**
 * report.html: the dossier as a person reads it, printable to PDF, in the user's language. Self-contained
 * (styles inline, thumbnails as data: URLs) so it opens from the unzipped folder with no network. Every
 * value that came from a page or the user is escaped, and wrapped in class="data" (it stays in its own
 * language; the e2e test skips it when looking for untranslated text).
 */
import { formatBytes } from '../cases/storage-meter';
import { caseTimeline, type TimelineEntry } from '../cases/timeline';
import { appliesTo, conditionsHold, ruleLabelKey, type CaseEvent, type Deadline } from '../deadlines';
import { eventDates } from '../deadlines/case-input';
import { caseActivity, deadlineStatuses, FACT_EVENTS, type DeadlineStatus } from '../deadlines/case-status';
import { describeDue, formatDue, formatEventDate } from '../format/deadline';
import { RULES, ruleById, type Rule } from '../deadlines/rules';
import { languageTag, translator, type Locale, type MessageKey, type Translate } from '../i18n';
import type { CaptureRecord, EvidenceRecord } from '../common/model';
import { recordMarks } from '../capture/capture-record';
import { canonicalJson } from '../cases/custody';
import { formatPageDate } from '../format/page-date';
import { disagreements, factText, factValue } from '../cases/readings';
import { formatMoney } from '../format/money';
import { escapeHtml as esc, escapeText } from './escape';
import type { DossierCase } from './gather';
import type { Manifest } from './manifest';
import { fileNotTimestampedText, fileTimestampedText, type ManifestTimestamp } from './file-timestamps';
import { HEAD_PAGE_PATH, HEAD_TOKEN_PATH, notTimestampedText, type HeadTimestamping, type HeadTimestampOutcome } from './head-timestamp';
import { authorityName } from '../timestamp/record-schema';

export interface ReportInput {
  dossier: DossierCase;
  manifest: Manifest;
  locale: Locale;
  /** The zone dates are shown in (the user's). */
  timeZone: string;
  /** Small thumbnails by evidence id, as data: URLs. */
  thumbnails: Map<string, string>;
  /** Whether this export's entry is sent to be timestamped once the report is written (none: off). */
  timestamping?: HeadTimestamping | undefined;
}

const data = (value: unknown) => `<span class="data">${escapeText(value)}</span>`;
const code = (value: unknown) => `<code class="hash">${esc(value)}</code>`;

/** A translated sentence whose {placeholders} are file names, fields and terms, each shown as <code>. */
function withCode(t: Translate, key: MessageKey, codes: Record<string, string>, params: Record<string, string | number> = {}): string {
  const marks = Object.fromEntries(Object.keys(codes).map((name, i) => [name, `\u0001${i}\u0001`]));
  return esc(t(key, { ...params, ...marks })).replace(/\u0001(\d+)\u0001/g, (_, i: string) => `<code class="term">${esc(Object.values(codes)[Number(i)])}</code>`);
}
const FILE_CODES = { manifest: 'manifest.json', report: 'report.html', json: 'JSON', utf8: 'UTF-8', policy: 'Content-Security-Policy', field: 'htmlArchive', txt: '.txt' };

export function renderReport(input: ReportInput): string {
  const { dossier, manifest, locale, timeZone } = input;
  const t = translator(locale);
  const lang = languageTag(locale);
  const when = dateFormatter(lang, timeZone);
  const { record } = dossier;
  const platform = t(`platform.${record.platform}` as MessageKey);
  const title = t('dossier.report.title', { platform, orderId: record.orderId });
  const sections = [
    orderSection(t, when, input),
    readingsSection(t, lang, when, input),
    deadlineSection(t, when, input),
    timelineSection(t, when, input),
    evidenceSection(t, lang, input),
    custodySection(t, manifest, input.timestamping),
    verifySection(t),
  ];
  return htmlPage(lang, title, "default-src 'none'; img-src data: 'self'; style-src 'unsafe-inline'", `<header class="cover">
<h1>${esc(title)}</h1>
<p class="muted">${esc(t('dossier.report.exported', { at: when(manifest.exportedAt), version: manifest.extensionVersion }))}</p>
</header>
${sections.join('\n')}`);
}

/**
 * A page of the dossier: self-contained HTML whose policy loads nothing from anywhere (`csp`: what it may
 * show, e.g. the report's own pictures), styled inline, so it opens the same offline on any machine.
 */
function htmlPage(lang: string, title: string, csp: string, body: string): string {
  return `<!doctype html>
<html lang="${esc(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<title>${esc(title)}</title>
<style>${STYLE}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

type When = (iso: string | undefined) => string;

function dateFormatter(lang: string, timeZone: string): When {
  const format = new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZone, timeZoneName: 'short' });
  return (iso) => {
    const ms = Date.parse(iso ?? '');
    return Number.isNaN(ms) ? (iso ?? '') : format.format(new Date(ms));
  };
}

function section(id: string, heading: string, body: string): string {
  return `<section id="${id}"><h2>${esc(heading)}</h2>\n${body}\n</section>`;
}

function row(label: string, valueHtml: string): string {
  return `<tr><th scope="row">${esc(label)}</th><td>${valueHtml}</td></tr>`;
}

function orderSection(t: Translate, when: When, { dossier, locale, timeZone }: ReportInput): string {
  const { record } = dossier;
  const order = record.order;
  const rows = [
    row(t('caseFacts.orderId'), code(record.orderId)),
    row(t('dossier.report.platform'), esc(t(`platform.${record.platform}` as MessageKey))),
    row(t('dossier.report.caseState'), esc(t(`casePage.state.${record.state}` as MessageKey))),
    row(t('dossier.report.caseOpened'), esc(when(record.createdAt))),
  ];
  // A page's day stays that day (no invented time); an instant is shown in the user's zone.
  if (order.placedAt) rows.push(row(t('caseFacts.placedAt'), esc(formatPageDate(order.placedAt, languageTag(locale), timeZone))));
  if (order.store) rows.push(row(t('caseFacts.store'), data(order.store.name)));
  if (order.status) rows.push(row(t('caseFacts.status'), data(order.status)));
  if (order.total) rows.push(row(t('caseFacts.total'), data(formatMoney(order.total, locale))));
  if (order.tracking?.length) rows.push(row(t('caseFacts.tracking'), order.tracking.map((x) => data([x.number, x.carrier].filter(Boolean).join(' · '))).join('<br>')));
  const items = order.items.map((item) => `<li>${data(item.title)}${item.quantity ? ` ×${esc(item.quantity)}` : ''}${item.price ? ` · ${data(formatMoney(item.price, locale))}` : ''}${item.url ? `<br><code class="url">${esc(item.url)}</code>` : ''}</li>`);
  if (items.length) rows.push(row(t('caseFacts.items'), `<ul>${items.join('')}</ul>`));
  return section('order', t('dossier.report.order'), `<table class="facts">${rows.join('\n')}</table>`);
}

/**
 * Where the readings of the order's page disagree (store, status, total…): each value it gave, how often and
 * when it was last read, and which one the case holds. Nothing when every reading agrees.
 */
function readingsSection(t: Translate, lang: string, when: When, { dossier }: ReportInput): string {
  const found = disagreements(dossier.readings ?? []);
  if (found.length === 0) return '';
  const rows = found.map(({ fact, values }) => {
    const held = canonicalJson(factValue(dossier.record.order, fact) ?? null);
    const items = values.map(({ value, readings }) => {
      const last = readings[readings.length - 1]!;
      const params = { when: when(last.at), source: t(`readings.source.${last.source}` as MessageKey), n: readings.length };
      const mark = canonicalJson(value) === held ? ` <strong>(${esc(t('readings.caseValue'))})</strong>` : '';
      return `<li>${data(factText(value, lang))}${mark} · ${esc(readings.length === 1 ? t('readings.saidOnce', params) : t('readings.saidTimes', params))}</li>`;
    });
    return row(t(`caseFacts.${fact}` as MessageKey), `<ul>${items.join('')}</ul>`);
  });
  return section('readings', t('dossier.report.readings'), `<p>${esc(t('dossier.report.readingsHint'))}</p><table class="facts">${rows.join('\n')}</table>`);
}

/**
 * The deadline section: every deadline that applies to the case, statutory ones included, as neutral facts for
 * whoever reads the dossier (a platform, a bank, a court). Each row: the rule, what it is, when it ends (a day
 * without an invented time, the rule's zone named), what the record shows ("Ended Nov 27, 2026", an action
 * recorded before the end, or open at export), and its basis: the source, how sure the rule is ("typical" for
 * confidence L), who set the date (the order page, the buyer, or the rule, counted from which event). Nothing
 * here reads against the buyer: a passed deadline is "ended", never "missed". A buyer's deadline that applies
 * but cannot be dated (its start date is not in the case) is listed too, with the date it needs.
 */
function deadlineSection(t: Translate, _when: When, { dossier, manifest, locale, timeZone }: ReportInput): string {
  const exported = new Date(manifest.exportedAt);
  const f = { locale, timeZone, now: exported, withYear: true };
  const { record } = dossier;
  const activity = caseActivity(record, dossier.checklist);
  const statuses = deadlineStatuses(record.platform, dossier.deadlines, activity, exported);
  const undated = undatedRules(record.platform, activity.events, dossier.deadlines);
  if (statuses.length === 0 && undated.length === 0) return section('deadlines', t('dossier.report.deadlines'), `<p>${esc(t('dossier.report.noDeadlines'))}</p>`);
  const eventLabel = (event: string) => t(`checklist.event.${event}` as MessageKey);
  const dates = eventDates(record.order, record.dates);

  const statusText = (s: DeadlineStatus): string => {
    if (s.state === 'met' && s.metBy) {
      const at = formatEventDate(s.metBy.at, f);
      return 'event' in s.metBy ? t('deadline.report.metByEvent', { what: eventLabel(s.metBy.event), date: at }) : t('deadline.report.metByStep', { what: t(s.metBy.titleKey), date: at });
    }
    // A moment that opens something (the earliest day for a dispute, the penalty's first day) is reached, not ended.
    if (s.deadline.dueMs <= exported.getTime()) return t(s.deadline.role === 'opens' ? 'deadline.report.reached' : 'deadline.report.ended', { date: describeDue(t, s.deadline, f).short });
    return t('deadline.report.open');
  };
  // A source is cited as its own title says it (in its language), a rule by its id: both are data, not our words.
  const withValue = (key: MessageKey, name: string, html: string) => {
    const [before = '', after = ''] = t(key, { [name]: '\u0000' }).split('\u0000');
    return `${esc(before)}${html}${esc(after)}`;
  };
  const sourceAndConfidence = (source: string, confidence: Deadline['confidence']) => [withValue('deadline.report.source', 'source', data(source)), esc(t(`deadline.report.confidence.${confidence}`))];
  const basis = (d: Deadline): string => {
    // The rule's own source: who set the date is said on its own line.
    const lines = sourceAndConfidence(ruleById(d.rule)?.source ?? d.source, d.confidence);
    if (d.setBy === 'page') lines.push(esc(t('deadline.report.setBy.page')));
    else if (d.setBy === 'user') lines.push(esc(t('deadline.report.setBy.user')));
    else if (d.from && 'event' in d.from && dates[d.from.event]) {
      const date = dates[d.from.event]!;
      const who = t(date.setBy === 'page' ? 'deadline.report.eventByPage' : 'deadline.report.eventByUser');
      lines.push(esc(t('deadline.report.fromEvent', { event: eventLabel(d.from.event), date: formatEventDate(date.at, f), who })));
    } else if (d.from && 'rule' in d.from) lines.push(withValue('deadline.report.fromRule', 'rule', data(d.from.rule)));
    else lines.push(esc(t('deadline.report.setBy.rule')));
    return lines.join('<br>');
  };

  const rows = statuses.map((s) => {
    const d = s.deadline;
    const state = s.state === 'met' ? 'met' : d.dueMs <= exported.getTime() ? 'ended' : 'open';
    return `<tr class="${state}" data-rule="${esc(d.rule)}"><td>${code(d.rule)}</td><td>${esc(t(d.labelKey))}</td><td>${esc(formatDue(t, d, f))}</td><td>${esc(statusText(s))}</td><td class="basis">${basis(d)}</td></tr>`;
  });
  for (const { rule, event } of undated) {
    const basisHtml = sourceAndConfidence(rule.source, rule.confidence).join('<br>');
    rows.push(
      `<tr class="undated" data-rule="${esc(rule.id)}"><td>${code(rule.id)}</td><td>${esc(t(ruleLabelKey(rule.id)))}</td><td>—</td><td>${esc(t('deadline.report.undated', { event: eventLabel(event) }))}</td><td class="basis">${basisHtml}</td></tr>`,
    );
  }
  const head = [t('dossier.report.deadline.rule'), t('dossier.report.deadline.what'), t('dossier.report.deadline.due'), t('deadline.report.status'), t('deadline.report.basis')];
  return section(
    'deadlines',
    t('dossier.report.deadlines'),
    `<table class="grid deadlines">${COLUMNS}<thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows.join('\n')}</tbody></table>`,
  );
}

/** The deadline table's column widths: the basis (source, confidence, who set the date) is the longest cell. */
const COLUMNS = `<colgroup>${[11, 20, 19, 20, 30].map((w) => `<col style="width:${w}%">`).join('')}</colgroup>`;

/**
 * The buyer's deadlines that apply to the case but have no date: their start is a date the case does not
 * record (the delivered date for the 7-day return; for AE-04, the shipping date behind buyer protection).
 */
function undatedRules(platform: DossierCase['record']['platform'], events: Partial<Record<CaseEvent, string>>, dated: Deadline[]): { rule: Rule; event: CaseEvent }[] {
  const has = new Set(dated.map((d) => d.rule));
  const rootEvent = (rule: Rule, depth = 0): CaseEvent | undefined => {
    if (!rule.start || depth > 5) return undefined;
    if ('events' in rule.start) return rule.start.events.find((e) => FACT_EVENTS.includes(e));
    const base = ruleById(rule.start.rule);
    return base && rootEvent(base, depth + 1);
  };
  const found: { rule: Rule; event: CaseEvent }[] = [];
  for (const rule of RULES) {
    if (has.has(rule.id) || rule.role !== 'buyer' || !rule.computable || !appliesTo(rule, { platform, events }) || !conditionsHold(rule, { events })) continue;
    const event = rootEvent(rule);
    if (event && events[event] === undefined) found.push({ rule, event });
  }
  return found;
}

function timelineSection(t: Translate, when: When, { dossier }: ReportInput): string {
  const byId = new Map(dossier.evidence.map((e) => [e.id, e]));
  const kindName = (id: string) => {
    const item = byId.get(id);
    return item ? t(`evidenceKind.${item.kind}` as MessageKey) : t('dossier.report.timeline.removedItem');
  };
  // The custody log has a section of its own; dates and deadlines the user set show in the deadlines section.
  const entries = caseTimeline({ ...dossier, custody: [] }).filter((e) => e.kind !== 'date' && e.kind !== 'due');
  const html = (entry: TimelineEntry): string => {
    switch (entry.kind) {
      case 'opened':
        return esc(t('dossier.report.timeline.opened'));
      case 'captured':
        return esc(t('dossier.report.timeline.captured', { n: entry.count, kinds: [...new Set(entry.evidenceIds.map(kindName))].join(', ') }));
      case 'evidence-deleted':
        return esc(t('dossier.report.timeline.deleted', { n: entry.count }));
      case 'contact': {
        const reference = entry.reference ? ` · ${esc(t('dossier.report.timeline.reference'))} ${data(entry.reference)}` : '';
        return `${esc(t('dossier.report.timeline.contact', { channel: t(`checklist.channel.${entry.channel}`) }))}${reference}<br>${data(entry.summary)}`;
      }
      case 'step':
        return `${esc(t(entry.state === 'done' ? 'dossier.report.timeline.stepDone' : 'dossier.report.timeline.stepSkipped'))}: ${esc(t(entry.titleKey))}`;
      default:
        return '';
    }
  };
  const rows = entries.map((e) => `<tr><td class="when">${esc(when(e.at))}</td><td>${html(e)}</td></tr>`);
  return section(
    'timeline',
    t('dossier.report.timeline'),
    `<table class="grid"><thead><tr><th>${esc(t('dossier.report.when'))}</th><th>${esc(t('dossier.report.what'))}</th></tr></thead><tbody>${rows.join('\n')}</tbody></table>`,
  );
}

/**
 * A full-page screenshot's record (lib/capture/capture-record.ts): its size before and after, first what the
 * reader must know (a part not in the image, a moved page), then the screens and the elements hidden.
 */
function captureRecordHtml(t: Translate, lang: string, record: CaptureRecord): string {
  const n = (value: number) => new Intl.NumberFormat(lang, { maximumFractionDigits: 0 }).format(value);
  const marks = recordMarks(record).map((mark) => {
    const text =
      mark.kind === 'notInImage' ? t('dossier.report.mark.notInImage', { by: n(mark.by), below: n(mark.below) })
      : mark.kind === 'noLongerOnPage' ? t('dossier.report.mark.noLongerOnPage', { by: n(mark.by), below: n(mark.below) })
      : mark.kind === 'moved' ? t('dossier.report.mark.moved', { screen: mark.screen, by: n(mark.by), at: n(mark.at) })
      : t('dossier.report.mark.replanned', { height: n(mark.height) });
    return `<p class="${mark.kind === 'replanned' ? 'record-note' : 'record-mark'}" data-record-mark="${mark.kind}"><strong>${esc(text)}</strong></p>`;
  });
  if (record.changes.length === 0) marks.push(`<p>${esc(t('dossier.report.recordSteady'))}</p>`);
  const size = t('dossier.report.recordSize', { n: record.screens.length, before: n(record.before.height), after: n(record.after.height), top: n(record.image.top), bottom: n(record.image.bottom) });
  const screens = record.screens.map((s) => (s.asked === s.got ? n(s.asked) : `${n(s.asked)} → ${n(s.got)}`)).join(', ');
  const hidden = record.hidden.map((h) => {
    const name = `${h.tag}${h.id ? `#${h.id}` : ''}${h.className ? `.${h.className.split(' ').join('.')}` : ''}`;
    return `${data(name)} (${esc(t(h.position === 'sticky' ? 'dossier.report.pinned.sticky' : 'dossier.report.pinned.fixed'))}, ${n(h.width)}×${n(h.height)})${h.label ? ` “${data(h.label)}”` : ''}`;
  });
  const hiddenLine = hidden.length > 0 ? withValueHtml(t('dossier.report.recordHidden', { list: '\u0001' }), hidden.join('; ')) : esc(t('dossier.report.recordNoHidden'));
  return `${marks.join('')}<p>${esc(size)}</p><p class="muted">${esc(t('dossier.report.recordScreens', { list: screens }))}</p><p class="muted">${hiddenLine}</p>`;
}

/** A translated sentence with one mark (\u0001) standing for HTML built from page data, already escaped. */
function withValueHtml(sentence: string, html: string): string {
  const [before, after = ''] = sentence.split('\u0001');
  return `${esc(before)}${html}${esc(after)}`;
}

function evidenceSection(t: Translate, lang: string, { dossier, manifest, thumbnails, timeZone }: ReportInput): string {
  if (manifest.files.length === 0) return section('evidence', t('dossier.report.evidence'), `<p>${esc(t('dossier.report.noEvidence'))}</p>`);
  const byId = new Map<string, EvidenceRecord>(dossier.evidence.map((e) => [e.id, e]));
  const prints = new Map((manifest.prints ?? []).map((p) => [p.of, p]));
  const stamps = new Map((manifest.timestamps ?? []).map((s) => [s.of, s]));
  const cards = manifest.files.map((file) => {
    const item = byId.get(file.evidenceId);
    const thumb = thumbnails.get(file.evidenceId);
    const rows = [
      row(t('dossier.report.file'), code(file.path)),
      row(t('dossier.report.kind'), esc(t(`evidenceKind.${file.kind}` as MessageKey))),
      row(t('dossier.report.capturedUtc'), code(file.capturedAt)),
      row(t('dossier.report.capturedLocal'), `${code(file.capturedAtLocal)} ${data(file.timeZone)}`),
      row(t('dossier.report.size'), `${esc(formatBytes(file.bytes, t, lang))} · <code>${esc(file.mime)}</code>`),
      row('SHA-256', code(file.sha256)),
    ];
    if (file.label) rows.push(row(t('dossier.report.label'), esc(t(`evidenceLabel.${file.label}` as MessageKey))));
    // A listing captured from the order's snapshot link: which item it is the listing as bought of (the page's words).
    if (file.snapshotOf !== undefined) {
      const [before = '', after = ''] = t('listing.of', { title: '\u0000' }).split('\u0000');
      rows.push(row(t('dossier.report.label'), `<span data-listing-of>${esc(before)}${data(file.snapshotOf)}${esc(after)}</span>`));
    }
    if (file.fileName !== undefined) rows.push(row(t('dossier.report.fileName'), data(file.fileName)));
    if (file.url !== undefined) rows.push(row(t('dossier.report.page'), `${data(file.title)}<br><code class="url">${esc(file.url)}</code>`));
    if (file.viewport) rows.push(row(t('dossier.report.viewport'), esc(t('dossier.report.viewportValue', { width: file.viewport.width, height: file.viewport.height, dpr: file.devicePixelRatio ?? 1 }))));
    if (file.part) rows.push(row(t('dossier.report.part'), esc(t('dossier.report.partValue', { index: file.part.index, count: file.part.count }))));
    if (file.section) rows.push(row(t('dossier.report.section'), esc(t('dossier.report.sectionValue', { first: file.section.first, last: file.section.last, total: file.section.of }))));
    if (file.captureRecord) rows.push(row(t('dossier.report.record'), captureRecordHtml(t, lang, file.captureRecord)));
    if (file.kind === 'page-html') {
      const scripts = file.htmlArchive ? `${esc(t('dossier.report.scriptsDisabled'))} ${code(file.htmlArchive.originalSha256)}` : esc(t('dossier.report.scriptsLegacy'));
      rows.push(row(t('dossier.report.scripts'), scripts));
    }
    rows.push(row(t('dossier.report.browser'), `${data(file.browser)} · DisputeKit ${esc(file.extensionVersion)}`));
    const print = prints.get(file.path);
    if (print) rows.push(row(t('dossier.report.print'), `${code(print.path)}<br>SHA-256 ${code(print.sha256)}`));
    rows.push(row(t('timestamp.report.row'), fileTimestampHtml(t, lang, timeZone, stamps.get(file.path))));
    const picture = thumb ? `<img class="thumb" src="${esc(thumb)}" alt="">` : '';
    // The print itself, beside the report in the unzipped folder (the report's policy allows its own folder's images).
    const printed = print ? `<figure class="print"><img src="${esc(print.path)}" alt="${esc(t('dossier.report.print'))}"><figcaption>${esc(t('dossier.report.printHint'))}</figcaption></figure>` : '';
    return `<article class="item" data-evidence-id="${esc(item?.id ?? file.evidenceId)}">${picture}<table class="facts">${rows.join('\n')}</table>${printed}</article>`;
  });
  return section('evidence', t('dossier.report.evidence'), cards.join('\n'));
}

/** Whether and when a file is timestamped: by whom, when (UTC and the user's zone), the token's file and serial; or why not. */
function fileTimestampHtml(t: Translate, lang: string, timeZone: string, stamp: ManifestTimestamp | undefined): string {
  if (!stamp || 'notTimestamped' in stamp) {
    const not = stamp?.notTimestamped ?? { reason: 'not-asked' as const };
    return `<span data-timestamp="none" data-reason="${esc(not.reason)}">${esc(fileNotTimestampedText(t, not.reason, not.detail))}</span>`;
  }
  const { summary } = stamp.record;
  return `<span data-timestamp="stamped">${esc(fileTimestampedText(t, lang, stamp.record, timeZone))}</span><br>${code(summary.genTime)} · ${withValueHtml(t('timestamp.file.token', { path: '\u0001' }), code(stamp.path))}`;
}

/**
 * The log as it stood before this export (`manifest` is built without the export entry: this report's own
 * SHA-256 goes into that entry, so the report cannot show the entry's hash), and the entry the export adds.
 */
function custodySection(t: Translate, manifest: Manifest, timestamping: HeadTimestamping | undefined): string {
  const { entries, headHash } = manifest.custody;
  const body = `<p>${esc(t('dossier.report.custodyIntro'))}</p>
<table class="facts">${row(t('dossier.report.custodyHead'), headHash ? code(headHash) : esc(t('dossier.report.custodyEmpty')))}${row(t('dossier.report.custodyLength'), esc(t('dossier.report.custodyEntries', { n: entries.length })))}${row(t('dossier.report.custodyExport'), withCode(t, 'dossier.report.custodyExportValue', FILE_CODES, { seq: entries.length + 1 }))}${row(t('timestamp.report.row'), timestampPlan(t, timestamping))}</table>`;
  return section('custody', t('dossier.report.custody'), body);
}

/**
 * What the report can say of the timestamp: only what was known before it was written. The token stamps the
 * export entry, which holds this report's SHA-256, so the report cannot hold the token's answer; when one was
 * asked for, it points to the page written after (renderHeadTimestampPage) and to the token.
 */
function timestampPlan(t: Translate, timestamping: HeadTimestamping | undefined): string {
  const plan = timestamping ?? { mode: 'off', why: 'off' };
  if (plan.mode === 'off') return `<span data-testid="timestamp-plan">${esc(notTimestampedText(t, { reason: plan.why, ...(plan.why === 'no-permission' && { detail: plan.host }) }))}</span>`;
  return withCode(t, 'timestamp.report.requested', { url: plan.url, page: HEAD_PAGE_PATH, token: HEAD_TOKEN_PATH, verify: 'npm run verify' });
}

export interface HeadTimestampPageInput {
  outcome: HeadTimestampOutcome;
  /** The hash that was sent: the export entry's. */
  head: string;
  url: string;
  locale: Locale;
  timeZone: string;
}

/**
 * timestamps/custody-head.html: what came of the timestamp the report announces, in the user's language: the
 * authority (its certificate's name and organisation, the name the token gives), the time in UTC and in the
 * user's zone, the serial and the certificate's fingerprint; or that there is none, and why. A description,
 * not the proof: the token beside it is, and `npm run verify` checks it.
 */
export function renderHeadTimestampPage({ outcome, head, url, locale, timeZone }: HeadTimestampPageInput): string {
  const t = translator(locale);
  const lang = languageTag(locale);
  const title = t('timestamp.page.title');
  let body: string;
  if ('record' in outcome) {
    const { summary } = outcome.record;
    const local = new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit', timeZone, timeZoneName: 'short' }).format(new Date(summary.genTime));
    const rows = [
      row(t('timestamp.page.authority'), data(authorityName(outcome.record))),
      ...(summary.tsaName ? [row(t('timestamp.page.tsaName'), data(summary.tsaName))] : []),
      row(t('timestamp.page.url'), `<code class="url">${esc(url)}</code>`),
      row(t('timestamp.page.timeUtc'), code(summary.genTime)),
      row(t('timestamp.page.timeLocal'), `${esc(local)} ${data(timeZone)}`),
      row(t('timestamp.page.serial'), code(summary.serial)),
      row(t('timestamp.page.fingerprint'), code(summary.signer.sha256)),
      row(t('timestamp.page.head'), code(head)),
    ];
    body = `<p data-testid="timestamp-result">${esc(t('timestamp.page.stamped'))}</p><table class="facts">${rows.join('\n')}</table>`;
  } else {
    const rows = [row(t('timestamp.page.reason'), `${esc(notTimestampedText(t, outcome.notTimestamped))}${outcome.notTimestamped.detail ? `<br>${code(outcome.notTimestamped.detail)}` : ''}`), row(t('timestamp.page.url'), `<code class="url">${esc(url)}</code>`), row(t('timestamp.page.head'), code(head))];
    body = `<p data-testid="timestamp-result">${esc(t('timestamp.page.notStamped'))}</p><table class="facts">${rows.join('\n')}</table>`;
  }
  const check = withCode(t, 'timestamp.page.check', { token: 'custody-head.tsr', verify: 'npm run verify', openssl: 'openssl ts -verify' });
  return htmlPage(lang, title, "default-src 'none'; style-src 'unsafe-inline'", `<h1>${esc(title)}</h1>
${body}
<p>${check}</p>`);
}

function verifySection(t: Translate): string {
  const body = `<p>${esc(t('dossier.report.verifyHashes'))}</p>
<ul class="commands"><li>Linux: <code>sha256sum evidence/*</code></li><li>macOS: <code>shasum -a 256 evidence/*</code></li><li>Windows: <code>certutil -hashfile evidence\\01-… SHA256</code></li></ul>
<p>${esc(t('dossier.report.verifyTool'))}</p>
<p><code>npm run -s verify -- dossier.zip</code></p>
<p>${withCode(t, 'dossier.report.verifyResult', FILE_CODES)}</p>
<p>${withCode(t, 'dossier.report.verifyExport', FILE_CODES)}</p>
<p>${withCode(t, 'dossier.report.verifyPages', FILE_CODES)}</p>
<p>${withCode(t, 'dossier.report.verifyLimits', FILE_CODES)}</p>`;
  return section('verify', t('dossier.report.verify'), body);
}

const STYLE = `
@page { size: A4; margin: 16mm 14mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; color: #1b1f24; margin: 0 auto; padding: 24px; max-width: 210mm; }
h1 { font-size: 22px; margin: 0 0 4px; overflow-wrap: anywhere; }
h2 { font-size: 18px; margin: 24px 0 8px; border-bottom: 2px solid #c2410c; padding-bottom: 4px; break-after: avoid; }
.muted { color: #57606a; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
th, td { text-align: left; vertical-align: top; padding: 4px 6px; border-bottom: 1px solid #d0d7de; overflow-wrap: anywhere; word-break: break-word; }
table.facts th { width: 32%; font-weight: 600; color: #3d444d; }
table.grid thead th { background: #f3f4f6; }
td.when { width: 30%; }
tr, article.item, li { break-inside: avoid; page-break-inside: avoid; }
thead { display: table-header-group; }
code, .hash { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 12px; overflow-wrap: anywhere; word-break: break-all; }
code.term { word-break: normal; }
.data { overflow-wrap: anywhere; }
ul { margin: 0; padding-left: 18px; }
article.item { border: 1px solid #d0d7de; border-radius: 6px; padding: 8px; margin: 0 0 12px; }
.record-mark { color: #b3261e; margin: 0 0 4px; }
img.thumb { display: block; max-width: 100%; max-height: 240px; margin: 0 0 8px; border: 1px solid #d0d7de; }
figure.print { margin: 8px 0 0; } figure.print img { display: block; max-width: 100%; border: 1px solid #d0d7de; } figure.print figcaption { color: #57606a; font-size: 0.9em; margin-top: 4px; }
tr.met td { background: #eaf7ee; }
table.deadlines td.basis { font-size: 12px; color: #3d444d; }
@media print {
  body { padding: 0; max-width: none; }
  section { break-before: page; page-break-before: always; }
  section:first-of-type { break-before: auto; page-break-before: auto; }
}
`;
