import { useMemo, useState } from 'preact/hooks';
import { caseDeadlines } from '@/lib/deadlines/case-input';
import type { CasePlanData } from '@/lib/cases/plan';
import { localDay } from '@/lib/common/time';
import type { ImportResult } from '@/lib/cases/evidence-import';
import { languageTag, translator, type Locale, type Translate } from '@/lib/i18n';
import {
  composeLetter,
  defaultDemand,
  defaultLetterLanguage,
  initialLetterChoices,
  LETTER_DEMANDS,
  LETTER_LANGUAGES,
  LETTER_PROBLEMS,
  LETTER_ROUTES,
  letterFacts,
  letterFileName,
  MAX_LETTER_CHARS,
  type Letter,
  type LetterDemand,
  type LetterProblem,
  type LetterRoute,
  WHAT_SENDING_STARTS,
} from '@/lib/letters';
import type { CaseRecord, EvidenceRecord } from '@/lib/common/model';

interface Props {
  t: Translate;
  /** The UI's language; the letter's is chosen apart from it. */
  uiLocale: Locale;
  record: CaseRecord;
  evidence: EvidenceRecord[];
  /** The case's contact log (its "no reply in 48 h" reminder is a deadline a letter can cite) and ladder ticks, as read now. */
  plan: Pick<CasePlanData, 'contacts' | 'steps'> | undefined;
  now(): Date;
  timeZone: string;
  /** Saves the text as the case's evidence (saveLetter); the page reloads its evidence list. */
  onSave(text: string, fileName: string): Promise<ImportResult>;
  copy?(text: string): Promise<void>;
  /** Records that the letter went out today (its clock starts); false when the case is gone. */
  onSent?(route: LetterRoute, subject: string): Promise<boolean>;
}

type Notice = { tone: 'ok' | 'error'; text: string };

/** The whole letter as it is copied and saved: the subject line, then the body. */
export function letterText(letter: Letter): string {
  return `${letter.subject}\n\n${letter.body}`;
}

/** What the user picked; anything not picked follows the case (initialLetterChoices). */
interface Picked {
  route?: LetterRoute;
  language?: Locale;
  problem?: LetterProblem;
  demand?: LetterDemand;
}

/**
 * Composes a letter from the case for a route, in a language, about a problem and a demand; the user edits
 * it freely, then copies it or saves it to the case. It starts from the case (lib/letters/start.ts): the route
 * of the ladder's next step, the problem the order's events tell (delivered: not as described; not delivered:
 * not received), the recipient's language; a choice the user has not made follows the case as it changes.
 * Until the user edits, the letter follows the choices; after an edit it stays as edited, and "write it again"
 * brings the composed letter back.
 */
const NO_PLAN: Pick<CasePlanData, 'contacts' | 'steps'> = { contacts: [], steps: {} };

export function LetterEditor({ t, uiLocale, record, evidence, now, timeZone, onSave, copy, onSent, ...props }: Props) {
  const plan = props.plan ?? NO_PLAN;
  const [picked, setPicked] = useState<Picked>({});
  const [details, setDetails] = useState('');
  // The letter as shown when it no longer follows the choices: edited by the user, or as just saved.
  const [draft, setDraft] = useState<{ letter: Letter; edited: boolean }>();
  const [notice, setNotice] = useState<Notice>();
  const [saving, setSaving] = useState(false);

  const deadlines = useMemo(() => caseDeadlines(record, plan.contacts, now()), [record, plan, now]);
  const start = useMemo(() => initialLetterChoices({ record, steps: plan.steps, deadlines, uiLocale, now: now() }), [record, plan, deadlines, uiLocale, now]);
  const route = picked.route ?? start.route;
  const problem = picked.problem ?? start.problem;
  const demand = picked.demand ?? defaultDemand(problem);
  const language = picked.language ?? defaultLetterLanguage(route, record.platform, uiLocale);

  const composed = useMemo(
    () => composeLetter(route, language, letterFacts(record, evidence, deadlines), { problem, demand, details, date: now(), timeZone }),
    [record, evidence, deadlines, route, language, problem, demand, details, now, timeZone],
  );
  const letter = draft?.letter ?? composed;
  const edit = (next: Letter) => setDraft({ letter: next, edited: true });
  // A saved letter that was not edited stays as saved only until the user picks something else.
  const choicesChanged = () => setDraft((d) => (d?.edited ? d : undefined));
  const hasBlanks = /____|\[[^\]\n]+\]/.test(letterText(letter));

  // A route the user picks brings its recipient's language, and a problem its usual demand, unless picked too.
  function pick(change: Picked) {
    choicesChanged();
    setPicked((p) => ({ ...p, ...change }));
  }

  async function copyLetter() {
    const write = copy ?? ((text: string) => navigator.clipboard.writeText(text));
    try {
      await write(letterText(letter));
      setNotice({ tone: 'ok', text: t('letters.copied') });
    } catch {
      setNotice({ tone: 'error', text: t('letters.copyFailed') });
    }
  }

  async function save() {
    setSaving(true);
    setNotice(undefined);
    const name = letterFileName(translator(language)(`letters.route.${route}`), localDay(now().getTime(), timeZone));
    const result = await onSave(letterText(letter), name);
    setSaving(false);
    if (result.ok) {
      // What was saved stays on screen as saved, even when the evidence list (and so the letter) changes.
      setDraft({ letter, edited: draft?.edited ?? false });
      setNotice({ tone: 'ok', text: t('letters.saved') });
    } else setNotice({ tone: 'error', text: t(`letters.error.${result.error}`, { max: MAX_LETTER_CHARS }) });
  }

  async function markSent() {
    if (!onSent) return;
    setNotice(undefined);
    const what = WHAT_SENDING_STARTS[route];
    const recorded = await onSent(route, letter.subject).catch(() => false);
    if (!recorded) setNotice({ tone: 'error', text: t('letters.sent.failed') });
    else if ('event' in what) setNotice({ tone: 'ok', text: t('letters.sent.event', { event: t(`checklist.event.${what.event}`) }) });
    else setNotice({ tone: 'ok', text: t('letters.sent.contact', { channel: t(`checklist.channel.${what.channel}`) }) });
  }

  return (
    <section class="case-section letter-editor" data-testid="letter-editor">
      <h2>{t('letters.heading')}</h2>
      <p class="muted">{t('letters.intro')}</p>
      <div class="letter-choices" style={{ display: 'flex', flexWrap: 'wrap', gap: '0.5em 1em' }}>
        <label>
          {t('letters.route')}{' '}
          <select data-testid="letter-route" value={route} onChange={(e) => pick({ route: e.currentTarget.value as LetterRoute })}>
            {LETTER_ROUTES.map((r) => (
              <option key={r} value={r}>
                {t(`letters.route.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('letters.language')}{' '}
          <select
            data-testid="letter-language"
            value={language}
            onChange={(e) => pick({ language: e.currentTarget.value as Locale })}
          >
            {LETTER_LANGUAGES.map((l) => (
              <option key={l} value={l} lang={languageTag(l)}>
                {t(`letters.language.${l}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('letters.problem')}{' '}
          <select data-testid="letter-problem" value={problem} onChange={(e) => pick({ problem: e.currentTarget.value as LetterProblem })}>
            {LETTER_PROBLEMS.map((p) => (
              <option key={p} value={p}>
                {t(`letters.problem.${p}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('letters.demand')}{' '}
          <select
            data-testid="letter-demand"
            value={demand}
            onChange={(e) => pick({ demand: e.currentTarget.value as LetterDemand })}
          >
            {LETTER_DEMANDS.map((d) => (
              <option key={d} value={d}>
                {t(`letters.demand.${d}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label class="letter-details">
        {t('letters.details')}
        <textarea data-testid="letter-details" rows={2} style={{ width: '100%', boxSizing: 'border-box' }} value={details} onInput={(e) => {
            choicesChanged();
            setDetails(e.currentTarget.value);
          }} />
      </label>
      {draft?.edited && (
        <p>
          <button type="button" class="link" data-testid="letter-rewrite" onClick={() => setDraft(undefined)}>
            {t('letters.rewrite')}
          </button>
        </p>
      )}
      <label class="letter-subject">
        {t('letters.subject')}
        <input
          type="text"
          data-testid="letter-subject"
          lang={languageTag(language)}
          style={{ width: '100%', boxSizing: 'border-box' }}
          value={letter.subject}
          onInput={(e) => edit({ ...letter, subject: e.currentTarget.value })}
        />
      </label>
      <label class="letter-body">
        {t('letters.body')}
        <textarea
          data-testid="letter-body"
          lang={languageTag(language)}
          rows={24}
          style={{ width: '100%', boxSizing: 'border-box', fontFamily: 'inherit' }}
          value={letter.body}
          onInput={(e) => edit({ ...letter, body: e.currentTarget.value })}
        />
      </label>
      {hasBlanks && (
        <p class="muted" data-testid="letter-blanks">
          {t('letters.blanksLeft')}
        </p>
      )}
      <p class="letter-actions">
        <button type="button" data-testid="letter-copy" onClick={() => void copyLetter()}>
          {t('letters.copy')}
        </button>{' '}
        <button type="button" class="primary" data-testid="letter-save" disabled={saving} onClick={() => void save()}>
          {t('letters.save')}
        </button>
        {onSent && (
          <>
            {' '}
            <button type="button" data-testid="letter-sent" onClick={() => void markSent()}>
              {t('letters.sent')}
            </button>
          </>
        )}
      </p>
      {notice && (
        <p class={`notice ${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'} data-testid="letter-notice">
          {notice.text}
        </p>
      )}
    </section>
  );
}
