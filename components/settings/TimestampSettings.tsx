import { useEffect, useState } from 'preact/hooks';
import { describeError } from '@/lib/common/errors';
import type { MessageKey, Translate } from '@/lib/i18n';
import type { Settings } from '@/lib/settings/settings';
// The authorities only: the settings page carries no ASN.1 or CMS code.
import { chosenAuthority, TIMESTAMP_AUTHORITIES } from '@/lib/timestamp/authorities';
import type { HostPermissions } from './settings-api';

type Choice = Settings['timestamps'];
type Notice = { tone: 'ok' | 'error'; text: string };

const hostOf = (url: string) => new URL(url).hostname;

/**
 * Trusted timestamps (RFC 3161), opt-in: off until the user switches them on, picks an authority (or enters
 * one) and saves. Saving asks the browser for that authority's host only, from the click itself (a request
 * made later would be refused); nothing is stored when the browser says no. What the authority sees is
 * said beside the choice (timestamp.sees).
 */
export function TimestampSettings({ t, stored, permissions, save }: { t: Translate; stored: Choice | undefined; permissions: HostPermissions; save(choice: Choice): Promise<void> }) {
  const [enabled, setEnabled] = useState(false);
  const [authority, setAuthority] = useState('freetsa');
  const [customUrl, setCustomUrl] = useState('');
  const [notice, setNotice] = useState<Notice>();

  useEffect(() => {
    if (!stored) return;
    setEnabled(stored.enabled);
    setAuthority(stored.authority);
    setCustomUrl(stored.customUrl ?? '');
  }, [stored]);

  const chosen = chosenAuthority({ authority, customUrl });
  const description = authority === 'custom' ? 'timestamp.authority.custom' : chosen?.descriptionKey;

  async function submit(event: Event) {
    event.preventDefault();
    if (!stored) return;
    const previous = stored.enabled ? chosenAuthority(stored) : undefined;
    try {
      if (!enabled) {
        await save({ ...stored, enabled: false });
        if (previous) await permissions.remove(previous.permission);
        return setNotice({ tone: 'ok', text: t('timestamp.settings.savedOff') });
      }
      if (!chosen) return setNotice({ tone: 'error', text: t('timestamp.settings.badUrl') });
      const host = hostOf(chosen.url);
      // The first await of the click: the browser shows its prompt only for a user's gesture.
      if (!(await permissions.request(chosen.permission))) return setNotice({ tone: 'error', text: t('timestamp.settings.refused', { host }) });
      await save({ enabled: true, authority, ...(authority === 'custom' ? { customUrl: chosen.url } : stored.customUrl !== undefined && { customUrl: stored.customUrl }) });
      if (previous && previous.permission !== chosen.permission) await permissions.remove(previous.permission);
      setNotice({ tone: 'ok', text: t('timestamp.settings.savedOn', { host }) });
    } catch (error) {
      setNotice({ tone: 'error', text: t('settings.saveFailed', { detail: describeError(error) }) });
    }
  }

  return (
    <form class="contact-form settings-section" data-testid="timestamp-settings" onSubmit={submit}>
      <h2>{t('timestamp.settings.heading')}</h2>
      <p class="hint">{t('timestamp.settings.intro')}</p>
      <label class="check">
        <input type="checkbox" data-testid="timestamps-enabled" checked={enabled} disabled={!stored} onChange={(e) => setEnabled((e.currentTarget as HTMLInputElement).checked)} />{' '}
        {t('timestamp.settings.enable')}
      </label>
      {enabled && (
        <>
          <label>
            {t('timestamp.settings.authority')}{' '}
            <select data-testid="timestamp-authority" value={authority} onChange={(e) => setAuthority((e.currentTarget as HTMLSelectElement).value)}>
              {TIMESTAMP_AUTHORITIES.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.operator} ({hostOf(a.url)})
                </option>
              ))}
              <option value="custom">{t('timestamp.settings.custom')}</option>
            </select>
          </label>
          {authority === 'custom' && (
            <label>
              {t('timestamp.settings.url')}
              <input type="url" data-testid="timestamp-url" value={customUrl} placeholder="https://" onInput={(e) => setCustomUrl((e.currentTarget as HTMLInputElement).value)} />
            </label>
          )}
          {description && <p class="hint" data-testid="timestamp-authority-description">{t(description as MessageKey)}</p>}
          <p class="hint" data-testid="timestamp-sees">{t('timestamp.sees')}</p>
          {chosen && <p class="hint">{t('timestamp.settings.permission', { host: hostOf(chosen.url) })}</p>}
        </>
      )}
      <button type="submit" class="primary" data-testid="save-timestamps" disabled={!stored}>
        {t('timestamp.settings.save')}
      </button>
      {notice && (
        <p class={`notice ${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'} data-testid="timestamp-notice">
          {notice.text}
        </p>
      )}
    </form>
  );
}
