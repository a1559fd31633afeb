import { useEffect, useMemo, useState } from 'preact/hooks';
import type { CasePageApi } from '@/components/case/case-page-api';
import { MAX_NOTE_CHARS, type ImportResult } from '@/lib/cases/evidence-import';
import { languageTag, translator, type Translate } from '@/lib/i18n';
import type { EvidenceLabel, EvidenceRecord } from '@/lib/common/model';
import { useLiveQuery } from '../shared/use-live-query';
import type { CasePlanData } from '@/lib/cases/plan';
import { CaseAddEvidence } from './CaseAddEvidence';
import { CasePlan } from '../plan/CasePlan';
import { CaseEvidenceList } from './CaseEvidenceList';
import { CaseFacts } from './CaseFacts';
import { CaseReadings } from './CaseReadings';
import { CaseStorage } from './CaseStorage';
import { CaseVerify } from './CaseVerify';
import { LetterEditor } from './LetterEditor';
import { CaseNotes } from './CaseNotes';
import { Gallery } from './Gallery';
import { CaseTimeline } from './Timeline';
import { gallerySequence } from '@/lib/cases/gallery-sequence';
import { ExportDossier } from './ExportDossier';
import { userTimeZone } from '@/lib/common/time';

/** Changes whenever the case's contacts or ticks do, so the plan reads them again after a write made elsewhere. */
function planStamp(plan: CasePlanData): string {
  return JSON.stringify([plan.contacts.map((c) => c.id), plan.ticks ?? plan.steps]);
}

export type Notice = { tone: 'ok' | 'error'; text: string; detail?: string; /** Shown once the list shows these items. */ after?: string[] };

function importNotice(t: Translate, result: ImportResult): Notice {
  if (result.ok) return { tone: 'ok', text: t('caseAdd.saved', { n: result.evidenceIds.length }), after: result.evidenceIds };
  return { tone: 'error', text: t(`caseAdd.error.${result.error}`, { max: MAX_NOTE_CHARS }), detail: result.detail };
}

/**
 * A case's home: what to do now (the plan, as in the popup: the headline, the next step, the checklist, every
 * deadline, the dates and the contact log; at the deadline the address names, `api.focusRule`), its order, its
 * evidence, letters, adding files and notes, Verify, the dossier and the storage it takes. All of it is a live read
 * (components/shared/use-live-query.ts): a capture made from the popup, a change in another tab or this page's
 * own write shows as soon as it is saved.
 */
export function CasePage({ api }: { api: CasePageApi }) {
  const t = useMemo(() => translator(api.locale), [api.locale]);
  const lang = languageTag(api.locale);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice | undefined>();
  // The image open in the gallery overlay, if any.
  const [viewing, setViewing] = useState<EvidenceRecord>();
  const { caseId } = api;
  const loaded = useLiveQuery(async () => (caseId ? api.readCase(caseId) : null), [api, caseId]);
  // The contact log and ticks, for the letter; written from the plan, a letter or another page alike.
  const plan = useLiveQuery(async () => (caseId ? api.readPlan(caseId) : undefined), [api, caseId]);

  // Opening a case makes it the user's current one; done once the page shows, not when its API is made.
  useEffect(() => {
    if (caseId) void api.rememberOpened(caseId).catch(() => undefined);
  }, [api, caseId]);

  useEffect(() => {
    if (loaded) document.title = `${t('casePage.title', { platform: t(`platform.${loaded.record.platform}`), orderId: loaded.record.orderId })} · DisputeKit`;
  }, [loaded, t]);

  async function run(action: () => Promise<ImportResult>): Promise<boolean> {
    setBusy(true);
    setNotice(undefined);
    const result = await action();
    setNotice(importNotice(t, result));
    setBusy(false);
    return result.ok;
  }

  if (loaded === undefined) return <p class="muted case-page">{t('casePage.loading')}</p>;
  if (loaded === null || !caseId)
    return (
      <main class="case-page" lang={lang}>
        <p class="notice error" role="alert" data-testid="case-not-found">
          {t('casePage.notFound')}
        </p>
      </main>
    );

  const { record, evidence, readings, storage } = loaded;
  // The list first, then the notice: "Added 1 item" is only said once the item shows.
  const shownNotice = notice && (notice.after ?? []).every((id) => evidence.some((e) => e.id === id)) ? notice : undefined;
  return (
    <main class="case-page" lang={lang}>
      <header class="case-header">
        <img src="/icon/32.png" alt="" width={24} height={24} />
        <h1 data-testid="case-title">{t('casePage.title', { platform: t(`platform.${record.platform}`), orderId: record.orderId })}</h1>
        <span class="case-state">{t(`casePage.state.${record.state}`)}</span>
      </header>
      <div class="case-columns">
        <div class="case-main">
          <section class="case-section case-plan" data-testid="case-plan">
            <h2>{t('plan.heading')}</h2>
            <CasePlan
              t={t}
              lang={lang}
              locale={api.locale}
              timeZone={userTimeZone()}
              api={api.plan}
              platform={record.platform}
              order={record.order}
              caseId={caseId}
              {...(api.focusRule && { focusRule: api.focusRule })}
              {...(plan && { savedAt: planStamp(plan) })}
            />
          </section>
          <CaseFacts t={t} lang={lang} record={record} />
          <CaseReadings t={t} lang={lang} record={record} readings={readings} />
          <CaseEvidenceList
            t={t}
            lang={lang}
            evidence={evidence}
            onView={setViewing}
            onDelete={async (item, name) => {
              if (!window.confirm(t('evidenceList.confirmDelete', { name }))) return;
              await api.deleteEvidence(caseId, item.id);
            }}
            onRetryTimestamps={() => api.retryTimestamps(caseId)}
          />
          <CaseTimeline t={t} f={{ locale: api.locale, timeZone: userTimeZone() }} load={api.readTimeline} record={record} />
          <LetterEditor
            t={t}
            uiLocale={api.locale}
            record={record}
            evidence={evidence}
            plan={plan}
            now={api.now}
            timeZone={userTimeZone()}
            onSave={(text, fileName) => api.saveLetter(caseId, text, fileName)}
            onSent={(route, subject) => api.recordLetterSent(caseId, route, subject)}
          />
        </div>
        <aside class="case-side">
          <CaseAddEvidence
            t={t}
            busy={busy}
            onFiles={(files: File[], label?: EvidenceLabel) => run(() => api.importFiles(caseId, files, label))}
            onNote={(text: string, label?: EvidenceLabel) => run(() => api.addNote(caseId, text, label))}
          />
          {shownNotice && (
            <p class={`notice ${shownNotice.tone}`} role={shownNotice.tone === 'error' ? 'alert' : 'status'} data-testid="case-notice">
              {shownNotice.text}
              {shownNotice.detail && <span class="detail">{t('error.detail', { detail: shownNotice.detail })}</span>}
            </p>
          )}
          <CaseNotes t={t} lang={lang} evidence={evidence} />
          <CaseVerify t={t} lang={lang} verify={() => api.verify(caseId)} />
          <ExportDossier t={t} lang={lang} caseId={caseId} now={api.now} exportDossier={api.exportDossier} />
          <CaseStorage t={t} lang={lang} use={storage} />
        </aside>
      </div>
      {viewing && (
        <Gallery
          t={t}
          lang={lang}
          items={gallerySequence(evidence)}
          start={Math.max(0, gallerySequence(evidence).indexOf(viewing))}
          name={(item) => item.fileName ?? t(`evidenceKind.${item.kind}`)}
          onClose={() => setViewing(undefined)}
        />
      )}
    </main>
  );
}
