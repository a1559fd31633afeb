import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, loadSettings, saveSettings, SETTINGS_KEY } from '@/lib/settings/settings';
import { chosenAuthority } from '@/lib/timestamp';

beforeEach(() => fakeBrowser.storage.local.clear());

describe('the trusted-timestamps setting', () => {
  it('is off by default, for a new profile and for settings stored before it existed', async () => {
    expect(DEFAULT_SETTINGS.timestamps).toEqual({ enabled: false, authority: 'freetsa' });
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { language: 'zh_CN', pageButton: false } });
    const settings = await loadSettings(fakeBrowser.storage.local);
    expect(settings.timestamps.enabled).toBe(false);
    expect(settings.language).toBe('zh_CN');
  });

  it('a stored value that does not parse falls back to off, and the other settings are kept', async () => {
    for (const bad of [{ enabled: 'yes', authority: 'digicert' }, { enabled: true }, { enabled: true, authority: 'x'.repeat(100) }, 'on', null]) {
      await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { language: 'ru', timestamps: bad } });
      const settings = await loadSettings(fakeBrowser.storage.local);
      expect(settings.timestamps).toEqual({ enabled: false, authority: 'freetsa' });
      expect(settings.language).toBe('ru');
    }
  });

  it('keeps the authority chosen, or the address entered, and names the authority it means', async () => {
    const saved = await saveSettings(fakeBrowser.storage.local, { timestamps: { enabled: true, authority: 'custom', customUrl: 'http://127.0.0.1:8318/tsr' } });
    expect((await loadSettings(fakeBrowser.storage.local)).timestamps).toEqual(saved.timestamps);
    expect(chosenAuthority(saved.timestamps)).toMatchObject({ id: 'custom', url: 'http://127.0.0.1:8318/tsr', permission: 'http://127.0.0.1/*' });
    expect(chosenAuthority({ authority: 'globalsign' })?.permission).toBe('http://timestamp.globalsign.com/*');
    expect(chosenAuthority({ authority: 'custom' })).toBeUndefined();
    expect(chosenAuthority({ authority: 'custom', customUrl: 'javascript:alert(1)' })).toBeUndefined();
    expect(chosenAuthority({ authority: 'no-such-authority' })).toBeUndefined();
  });
});
