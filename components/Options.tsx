import { useEffect, useMemo, useState } from 'preact/hooks';
import { languageTag, translator, type Locale } from '@/lib/i18n';
import { formatThresholds, loadSettings, parseThresholds, saveSettings, type SettingsStorage } from '@/lib/settings';

/** The options page: when deadline notifications are sent. */
export function Options({ locale, storage, onSaved }: { locale: Locale; storage: SettingsStorage; onSaved: () => void }) {
  const t = useMemo(() => translator(locale), [locale]);
  const [text, setText] = useState<string>();
  const [notice, setNotice] = useState<{ tone: 'ok' | 'error'; text: string }>();

  useEffect(() => {
    void loadSettings(storage).then((s) => setText(formatThresholds(s.notifyBeforeHours)));
  }, [storage]);

  async function save(event: Event) {
    event.preventDefault();
    const parsed = parseThresholds(text ?? '');
    if (!parsed.ok) return setNotice({ tone: 'error', text: t('checklist.settings.invalid', { part: parsed.part }) });
    try {
      const saved = await saveSettings(storage, { notifyBeforeHours: parsed.hours });
      setText(formatThresholds(saved.notifyBeforeHours));
      setNotice({ tone: 'ok', text: t('checklist.settings.saved') });
      onSaved();
    } catch {
      setNotice({ tone: 'error', text: t('checklist.settings.invalid', { part: String(text) }) });
    }
  }

  document.title = t('checklist.settings.title');
  return (
    <main class="popup options" lang={languageTag(locale)}>
      <h1>{t('checklist.settings.title')}</h1>
      <form class="contact-form" onSubmit={save}>
        <h2>{t('checklist.settings.notifyHeading')}</h2>
        <label>
          {t('checklist.settings.notifyLabel')}
          <input type="text" data-testid="notify-before" value={text ?? ''} disabled={text === undefined} onInput={(e) => setText((e.currentTarget as HTMLInputElement).value)} />
        </label>
        <p class="hint">{t('checklist.settings.notifyHint')}</p>
        <button type="submit" class="primary" data-testid="save-settings" disabled={text === undefined}>
          {t('checklist.settings.save')}
        </button>
        {notice && (
          <p class={`notice ${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'} data-testid="settings-notice">
            {notice.text}
          </p>
        )}
      </form>
      <p class="hint">{t('checklist.settings.why')}</p>
    </main>
  );
}
