import { useState } from 'preact/hooks';
import type { ChecklistStep } from '@/lib/deadlines';
import type { Translate } from '@/lib/i18n';

export type StepChange = (stepId: string, state: 'done' | 'skipped' | null) => void;

/** The one step to do now: what to do, what to attach, the message to send (with Copy), and Done / Skip. */
export function NextStep(props: { t: Translate; step: ChecklistStep | undefined; message: string | undefined; onChange: StepChange; onCopy: (text: string) => Promise<boolean> }) {
  const { t, step, message, onChange, onCopy } = props;
  const [copied, setCopied] = useState<'yes' | 'failed' | undefined>();
  if (!step) {
    return (
      <section class="next-step" data-testid="next-step">
        <p class="muted">{t('checklist.next.allDone')}</p>
      </section>
    );
  }
  return (
    <section class="next-step" data-testid="next-step">
      <h2>{t('checklist.next.heading')}</h2>
      <p class="step-title" data-testid="next-step-title">
        {t(step.titleKey)}
      </p>
      <p class="step-todo">{t(step.todoKey)}</p>
      <p class="step-move-on muted" data-testid="next-step-move-on">{t('checklist.next.moveOn', { condition: t(step.moveOnKey) })}</p>
      {step.evidence.length > 0 && (
        <p class="step-evidence" data-testid="next-step-evidence">
          <span class="muted">{t('checklist.next.evidence')}</span> {step.evidence.map((kind) => t(`checklist.evidence.${kind}`)).join(', ')}
        </p>
      )}
      {message !== undefined && (
        <div class="step-message">
          <label class="muted" for="step-message">
            {t('checklist.next.message')}
          </label>
          <textarea id="step-message" readOnly rows={4} value={message} data-testid="next-step-message" />
          <button
            type="button"
            class="secondary"
            data-testid="copy-message"
            onClick={async () => setCopied((await onCopy(message)) ? 'yes' : 'failed')}
          >
            {copied === 'yes' ? t('checklist.next.copied') : t('checklist.next.copy')}
          </button>
          {copied === 'failed' && (
            <p class="notice error" role="alert">
              {t('checklist.next.copyFailed')}
            </p>
          )}
        </div>
      )}
      <div class="step-actions">
        <button type="button" class="secondary" data-testid="step-done" onClick={() => onChange(step.id, 'done')}>
          {t('checklist.step.done')}
        </button>
        <button type="button" class="link" data-testid="step-skip" onClick={() => onChange(step.id, 'skipped')}>
          {t('checklist.step.skip')}
        </button>
      </div>
    </section>
  );
}

/** The whole ladder, collapsed: each step's state, and a way to tick, skip or undo it. */
export function Checklist({ t, steps, onChange }: { t: Translate; steps: ChecklistStep[]; onChange: StepChange }) {
  return (
    <details class="more checklist" data-testid="checklist">
      <summary>{t('checklist.steps.heading', { n: steps.length })}</summary>
      <ol>
        {steps.map((step) => (
          <li key={step.id} class={`step ${step.state}`} data-testid={`step-${step.id}`} data-state={step.state}>
            <span class="step-state">{t(`checklist.state.${step.state}`)}</span>
            <span class="step-name">{t(step.titleKey)}</span>
            {(step.state === 'next' || step.state === 'upcoming') && (
              <span class="step-buttons">
                <button type="button" class="link" onClick={() => onChange(step.id, 'done')}>
                  {t('checklist.step.done')}
                </button>
                <button type="button" class="link" onClick={() => onChange(step.id, 'skipped')}>
                  {t('checklist.step.skip')}
                </button>
              </span>
            )}
            {(step.state === 'skipped' || (step.state === 'done' && !step.doneByEvent)) && (
              <button type="button" class="link" onClick={() => onChange(step.id, null)}>
                {t('checklist.step.undo')}
              </button>
            )}
          </li>
        ))}
      </ol>
    </details>
  );
}
