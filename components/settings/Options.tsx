import { useEffect, useMemo, useState } from 'preact/hooks';
import { describeError } from '@/lib/common/errors';
import { languageTag, translator, type MessageKey } from '@/lib/i18n';
import { resolveLocale } from '@/lib/i18n/locale';
import { formatThresholds, LANGUAGE_CHOICES, loadSettings, parseThresholds, saveSettings, type LanguageChoice, type Settings } from '@/lib/settings/settings';
import type { SettingsPageApi } from './settings-api';
import { BackupRestore } from './BackupRestore';
import { StorageByCase } from './SettingsStorage';
import { TimestampSettings } from './TimestampSettings';

type Notice = { tone: 'ok' | 'error'; text: string };

/** The settings page: language, the in-page button, notification thresholds, trusted timestamps, storage, backup and restore. */
export function Options({ api }: { api: SettingsPageApi }) {
  const [locale, setLocale] = useState(api.locale);
  const t = useMemo(() => translator(locale), [locale]);
  const lang = languageTag(locale);
  const [settings, setSettings] = useState<Settings>();
  const [text, setText] = useState<string>();
  const [notice, setNotice] = useState<Notice>();
  const [preferenceNotice, setPreferenceNotice] = useState<Notice>();

  useEffect(() => {
    void loadSettings(api.storage).then((s) => {
      setSettings(s);
      setText(formatThresholds(s.notifyBeforeHours));
    });
  }, [api.storage]);

  async function savePreference(change: Partial<Settings>) {
    try {
      const saved = await saveSettings(api.storage, change);
      setSettings(saved);
      const next = resolveLocale(saved.language, api.uiLanguage);
      setLocale(next);
      setPreferenceNotice({ tone: 'ok', text: translator(next)('settings.saved') });
    } catch (error) {
      setPreferenceNotice({ tone: 'error', text: t('settings.saveFailed', { detail: describeError(error) }) });
    }
  }

  async function saveThresholds(event: Event) {
    event.preventDefault();
    const parsed = parseThresholds(text ?? '');
    if (!parsed.ok) return setNotice({ tone: 'error', text: t('checklist.settings.invalid', { part: parsed.part }) });
    try {
      const saved = await saveSettings(api.storage, { notifyBeforeHours: parsed.hours });
      setSettings(saved);
      setText(formatThresholds(saved.notifyBeforeHours));
      setNotice({ tone: 'ok', text: t('checklist.settings.saved') });
      api.settingsChanged();
    } catch {
      setNotice({ tone: 'error', text: t('checklist.settings.invalid', { part: String(text) }) });
    }
  }

  document.title = t('checklist.settings.title');
  document.documentElement.lang = lang;
  return (
    <main class="popup options" lang={lang}>
      <h1>{t('checklist.settings.title')}</h1>
      <p>
        <a href="dashboard.html" target="_blank" data-testid="all-cases">
          {t('dashboard.link')}
        </a>
      </p>

      <section class="settings-section">
        <h2>{t('settings.language.heading')}</h2>
        <label>
          {t('settings.language.label')}{' '}
          <select
            data-testid="language"
            value={settings?.language ?? 'auto'}
            disabled={!settings}
            onChange={(e) => void savePreference({ language: (e.currentTarget as HTMLSelectElement).value as LanguageChoice })}
          >
            {LANGUAGE_CHOICES.map((choice) => (
              <option key={choice} value={choice}>
                {t(`settings.language.${choice}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
        <h2>{t('settings.pageButton.heading')}</h2>
        <label>
          <input
            type="checkbox"
            data-testid="page-button"
            checked={settings?.pageButton ?? true}
            disabled={!settings}
            onChange={(e) => void savePreference({ pageButton: (e.currentTarget as HTMLInputElement).checked })}
          />{' '}
          {t('settings.pageButton.label')}
        </label>
        {preferenceNotice && (
          <p class={`notice ${preferenceNotice.tone}`} role={preferenceNotice.tone === 'error' ? 'alert' : 'status'} data-testid="preference-notice">
            {preferenceNotice.text}
          </p>
        )}
      </section>

      <form class="contact-form settings-section" onSubmit={saveThresholds}>
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
        <p class="hint">{t('checklist.settings.why')}</p>
      </form>

      <TimestampSettings
        t={t}
        stored={settings?.timestamps}
        permissions={api.permissions}
        save={async (timestamps) => {
          setSettings(await saveSettings(api.storage, { timestamps }));
        }}
      />

      <StorageByCase t={t} lang={lang} read={api.readStorageByCase} {...(api.estimate && { estimate: api.estimate })} />

      <BackupRestore
        t={t}
        lang={lang}
        makeBackup={api.makeBackup}
        restoreBackup={api.restoreBackup}
        now={api.now}
        onRestored={() => {
          // A restore can bring settings back: show them (and their language) as stored now.
          void loadSettings(api.storage).then((s) => {
            setSettings(s);
            setText(formatThresholds(s.notifyBeforeHours));
            setLocale(resolveLocale(s.language, api.uiLanguage));
          });
          // The restored cases ran the check as they were written; restored thresholds are settings, written after.
          api.settingsChanged();
        }}
      />
    </main>
  );
}
