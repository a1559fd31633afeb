import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import type { CasePageApi } from '@/components/case/case-page-api';
import { deleteEvidence, getCase, getCaseEvidence } from '@/lib/cases/cases';
import { addNote, importFiles, MAX_NOTE_CHARS, type ImportResult } from '@/lib/cases/evidence-import';
import { languageTag, translator, type Translate } from '@/lib/i18n';
import type { CaseRecord, EvidenceLabel, EvidenceRecord, Reading } from '@/lib/common/model';
import { getReadings } from '@/lib/cases/readings';
import { storageUse, type StorageUse } from '@/lib/cases/storage-meter';
import { CaseAddEvidence } from './CaseAddEvidence';
import { CasePlan } from '../plan/CasePlan';
import { CaseEvidenceList } from './CaseEvidenceList';
import { CaseFacts } from './CaseFacts';
import { CaseReadings } from './CaseReadings';
import { CaseStorage } from './CaseStorage';
import { CaseVerify } from './CaseVerify';
import { LetterEditor } from './LetterEditor';
import { recordLetterSent, saveLetter } from '@/lib/letters';
import { CaseNotes } from './CaseNotes';
import { Gallery } from './Gallery';
import { CaseTimeline } from './Timeline';
import { gallerySequence } from '@/lib/cases/gallery-sequence';
import { ExportDossier } from './ExportDossier';
import { userTimeZone } from '@/lib/common/time';

export type Notice = { tone: 'ok' | 'error'; text: string; detail?: string };

function importNotice(t: Translate, result: ImportResult): Notice {
  if (result.ok) return { tone: 'ok', text: t('caseAdd.saved', { n: result.evidenceIds.length }) };
  return { tone: 'error', text: t(`caseAdd.error.${result.error}`, { max: MAX_NOTE_CHARS }), detail: result.detail };
}

type Loaded = { record: CaseRecord; evidence: EvidenceRecord[]; readings: Reading[]; storage: StorageUse } | null;

/**
 * A case's home: what to do now (the plan, as in the popup: the headline, the next step, the checklist, every
 * deadline, the dates and the contact log; at the deadline the address names, `api.focusRule`), its order, its
 * evidence, letters, adding files and notes, Verify, the dossier and the storage it takes.
 */
export function CasePage({ api }: { api: CasePageApi }) {
  const t = useMemo(() => translator(api.locale), [api.locale]);
  const lang = languageTag(api.locale);
  const [loaded, setLoaded] = useState<Loaded | undefined>();
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice | undefined>();
  // The image open in the gallery overlay, if any.
  const [viewing, setViewing] = useState<EvidenceRecord>();
  const { caseId, database } = api;

  const reload = useCallback(async () => {
    if (!caseId) return setLoaded(null);
    const record = await getCase(database, caseId);
    if (!record) return setLoaded(null);
    const [evidence, readings, storage] = await Promise.all([getCaseEvidence(database, caseId), getReadings(database, caseId), storageUse(database, caseId, api.estimate)]);
    setLoaded({ record, evidence, readings, storage });
  }, [api, caseId, database]);

  useEffect(() => {
    void reload();
    // Evidence captured from the popup while this page was open shows when the user comes back to it.
    const onFocus = () => void reload();
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, [reload]);

  useEffect(() => {
    if (loaded) document.title = `${t('casePage.title', { platform: t(`platform.${loaded.record.platform}`), orderId: loaded.record.orderId })} · DisputeKit`;
  }, [loaded, t]);

  async function run(action: () => Promise<ImportResult>): Promise<boolean> {
    setBusy(true);
    setNotice(undefined);
    const result = await action();
    // The list first, then the notice: "Added 1 item" is only said once the item shows.
    await reload();
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
              onChanged={() => void reload()}
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
              await deleteEvidence(database, caseId, item.id, api.now());
              await reload();
            }}
          />
          <CaseTimeline t={t} f={{ locale: api.locale, timeZone: userTimeZone() }} database={database} record={record} version={evidence} />
          <LetterEditor
            t={t}
            uiLocale={api.locale}
            record={record}
            evidence={evidence}
            database={database}
            now={api.now}
            timeZone={userTimeZone()}
            onSave={async (text, fileName) => {
              const result = await saveLetter(api.importDeps, caseId, text, fileName);
              await reload();
              return result;
            }}
            onSent={async (route, subject) => {
              const recorded = await recordLetterSent(database, caseId, route, subject, api.now());
              if (recorded) api.refreshDeadlines();
              await reload();
              return recorded;
            }}
          />
        </div>
        <aside class="case-side">
          <CaseAddEvidence
            t={t}
            busy={busy}
            onFiles={(files: File[], label?: EvidenceLabel) => run(() => importFiles(api.importDeps, caseId, files, label))}
            onNote={(text: string, label?: EvidenceLabel) => run(() => addNote(api.importDeps, caseId, text, label))}
          />
          {notice && (
            <p class={`notice ${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'} data-testid="case-notice">
              {notice.text}
              {notice.detail && <span class="detail">{t('error.detail', { detail: notice.detail })}</span>}
            </p>
          )}
          <CaseNotes t={t} lang={lang} evidence={evidence} />
          <CaseVerify t={t} lang={lang} database={database} caseId={caseId} now={api.now} />
          <ExportDossier
            t={t}
            caseId={caseId}
            deps={{ database, now: api.now, locale: api.locale, timeZone: api.importDeps.timeZone ?? userTimeZone(), extensionVersion: api.importDeps.extensionVersion }}
          />
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
