/**
 * report.html: the dossier as a person reads it, printable to PDF, in the user's language. Self-contained
 * (styles inline, thumbnails as data: URLs) so it opens from the unzipped folder with no network. Every
 * value that came from a page or the user is escaped, and wrapped in class="data" (it stays in its own
 * language; the e2e test skips it when looking for untranslated text).
 */
import { formatBytes } from '../storage-meter';
import { caseTimeline, type TimelineEntry } from '../timeline';
import { ladderFor, type Deadline } from '../deadlines';
import { languageTag, translator, type Locale, type MessageKey, type Translate } from '../i18n';
import type { ChecklistStepState, EvidenceRecord } from '../model';
import { escapeHtml as esc } from './escape';
import type { DossierCase } from './gather';
import type { Manifest } from './manifest';

export interface ReportInput {
  dossier: DossierCase;
  manifest: Manifest;
  locale: Locale;
  /** The zone dates are shown in (the user's). */
  timeZone: string;
  /** Small thumbnails by evidence id, as data: URLs. */
  thumbnails: Map<string, string>;
}

const data = (value: unknown) => `<span class="data">${esc(value)}</span>`;
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
    deadlineSection(t, when, input),
    timelineSection(t, when, input),
    evidenceSection(t, lang, input),
    custodySection(t, manifest),
    verifySection(t),
  ];
  return `<!doctype html>
<html lang="${esc(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">
<title>${esc(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header class="cover">
<h1>${esc(title)}</h1>
<p class="muted">${esc(t('dossier.report.exported', { at: when(manifest.exportedAt), version: manifest.extensionVersion }))}</p>
</header>
${sections.join('\n')}
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

function orderSection(t: Translate, when: When, { dossier }: ReportInput): string {
  const { record } = dossier;
  const order = record.order;
  const rows = [
    row(t('caseFacts.orderId'), code(record.orderId)),
    row(t('dossier.report.platform'), esc(t(`platform.${record.platform}` as MessageKey))),
    row(t('dossier.report.caseState'), esc(t(`casePage.state.${record.state}` as MessageKey))),
    row(t('dossier.report.caseOpened'), esc(when(record.createdAt))),
  ];
  if (order.placedAt) rows.push(row(t('caseFacts.placedAt'), esc(when(order.placedAt))));
  if (order.store) rows.push(row(t('caseFacts.store'), data(order.store.name)));
  if (order.status) rows.push(row(t('caseFacts.status'), data(order.status)));
  if (order.total) rows.push(row(t('caseFacts.total'), data(`${order.total.amount} ${order.total.currency}`)));
  if (order.tracking?.length) rows.push(row(t('caseFacts.tracking'), order.tracking.map((x) => data([x.number, x.carrier].filter(Boolean).join(' · '))).join('<br>')));
  const items = order.items.map((item) => `<li>${data(item.title)}${item.quantity ? ` ×${esc(item.quantity)}` : ''}${item.price ? ` · ${data(`${item.price.amount} ${item.price.currency}`)}` : ''}${item.url ? `<br><code class="url">${esc(item.url)}</code>` : ''}</li>`);
  if (items.length) rows.push(row(t('caseFacts.items'), `<ul>${items.join('')}</ul>`));
  return section('order', t('dossier.report.order'), `<table class="facts">${rows.join('\n')}</table>`);
}

/** When a deadline's step was done (the earliest tick of a step that cites its rule), if it was. */
function doneFor(deadline: Deadline, platform: DossierCase['record']['platform'], checklist: ChecklistStepState[]): { at: string; titleKey: MessageKey } | undefined {
  const steps = ladderFor(platform).filter((s) => s.rules.includes(deadline.rule));
  const ticks = checklist
    .filter((c) => c.state === 'done')
    .map((c) => ({ c, step: steps.find((s) => s.id === c.stepId) }))
    .filter((x) => x.step)
    .sort((a, b) => Date.parse(a.c.at) - Date.parse(b.c.at));
  return ticks[0] && { at: ticks[0].c.at, titleKey: ticks[0].step!.titleKey };
}

function deadlineSection(t: Translate, when: When, { dossier, manifest }: ReportInput): string {
  const exportedMs = Date.parse(manifest.exportedAt);
  if (dossier.deadlines.length === 0) return section('deadlines', t('dossier.report.deadlines'), `<p>${esc(t('dossier.report.noDeadlines'))}</p>`);
  const rows = dossier.deadlines.map((d) => {
    const passed = d.dueMs <= exportedMs;
    const done = doneFor(d, dossier.record.platform, dossier.checklist);
    let outcome: string;
    if (done) {
      const key = Date.parse(done.at) <= d.dueMs ? 'dossier.report.deadline.met' : 'dossier.report.deadline.late';
      outcome = t(key, { step: t(done.titleKey), at: when(done.at) });
    } else outcome = t(passed ? 'dossier.report.deadline.passedNothing' : 'dossier.report.deadline.ahead');
    const status = done && Date.parse(done.at) <= d.dueMs ? 'met' : passed ? 'missed' : 'ahead';
    return `<tr class="${status}"><td>${code(d.rule)}</td><td>${esc(t(d.labelKey))}</td><td>${esc(when(d.due))}${passed ? ` <strong class="mark">${esc(t('dossier.report.deadline.passed'))}</strong>` : ''}</td><td>${esc(outcome)}</td></tr>`;
  });
  const head = ['dossier.report.deadline.rule', 'dossier.report.deadline.what', 'dossier.report.deadline.due', 'dossier.report.deadline.outcome'] as const;
  return section(
    'deadlines',
    t('dossier.report.deadlines'),
    `<table class="grid"><thead><tr>${head.map((k) => `<th>${esc(t(k))}</th>`).join('')}</tr></thead><tbody>${rows.join('\n')}</tbody></table>`,
  );
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

function evidenceSection(t: Translate, lang: string, { dossier, manifest, thumbnails }: ReportInput): string {
  if (manifest.files.length === 0) return section('evidence', t('dossier.report.evidence'), `<p>${esc(t('dossier.report.noEvidence'))}</p>`);
  const byId = new Map<string, EvidenceRecord>(dossier.evidence.map((e) => [e.id, e]));
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
    if (file.fileName !== undefined) rows.push(row(t('dossier.report.fileName'), data(file.fileName)));
    if (file.url !== undefined) rows.push(row(t('dossier.report.page'), `${data(file.title)}<br><code class="url">${esc(file.url)}</code>`));
    if (file.viewport) rows.push(row(t('dossier.report.viewport'), esc(t('dossier.report.viewportValue', { width: file.viewport.width, height: file.viewport.height, dpr: file.devicePixelRatio ?? 1 }))));
    if (file.part) rows.push(row(t('dossier.report.part'), esc(t('dossier.report.partValue', { index: file.part.index, count: file.part.count }))));
    if (file.kind === 'page-html') {
      const scripts = file.htmlArchive ? `${esc(t('dossier.report.scriptsDisabled'))} ${code(file.htmlArchive.originalSha256)}` : esc(t('dossier.report.scriptsLegacy'));
      rows.push(row(t('dossier.report.scripts'), scripts));
    }
    rows.push(row(t('dossier.report.browser'), `${data(file.browser)} · DisputeKit ${esc(file.extensionVersion)}`));
    const picture = thumb ? `<img class="thumb" src="${esc(thumb)}" alt="">` : '';
    return `<article class="item" data-evidence-id="${esc(item?.id ?? file.evidenceId)}">${picture}<table class="facts">${rows.join('\n')}</table></article>`;
  });
  return section('evidence', t('dossier.report.evidence'), cards.join('\n'));
}

/**
 * The log as it stood before this export (`manifest` is built without the export entry: this report's own
 * SHA-256 goes into that entry, so the report cannot show the entry's hash), and the entry the export adds.
 */
function custodySection(t: Translate, manifest: Manifest): string {
  const { entries, headHash } = manifest.custody;
  const body = `<p>${esc(t('dossier.report.custodyIntro'))}</p>
<table class="facts">${row(t('dossier.report.custodyHead'), headHash ? code(headHash) : esc(t('dossier.report.custodyEmpty')))}${row(t('dossier.report.custodyLength'), esc(t('dossier.report.custodyEntries', { n: entries.length })))}${row(t('dossier.report.custodyExport'), withCode(t, 'dossier.report.custodyExportValue', FILE_CODES, { seq: entries.length + 1 }))}</table>`;
  return section('custody', t('dossier.report.custody'), body);
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
img.thumb { display: block; max-width: 100%; max-height: 240px; margin: 0 0 8px; border: 1px solid #d0d7de; }
tr.missed td { background: #fdecea; }
tr.met td { background: #eaf7ee; }
.mark { color: #b42318; }
@media print {
  body { padding: 0; max-width: none; }
  section { break-before: page; page-break-before: always; }
  section:first-of-type { break-before: auto; page-break-before: auto; }
}
`;
