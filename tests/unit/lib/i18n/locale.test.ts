import { fakeBrowser } from 'wxt/testing/fake-browser';
import { describe, expect, it } from 'vitest';
import { createMenus } from '@/lib/capture/menu-and-shortcut';
import { translator } from '@/lib/i18n';
import { currentLocale, resolveLocale, settingsChanged } from '@/lib/i18n/locale';
import { loadSettings, saveSettings, SETTINGS_KEY } from '@/lib/settings/settings';

describe('the language setting', () => {
  it('defaults to Auto, also for settings stored before it existed', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { pageButton: false, notifyBeforeHours: [24] } });
    expect(await loadSettings(fakeBrowser.storage.local)).toEqual({ language: 'auto', pageButton: false, notifyBeforeHours: [24], timestamps: { enabled: false, authority: 'freetsa' } });
  });

  it('refuses a language it has no strings for', async () => {
    await expect(saveSettings(fakeBrowser.storage.local, { language: 'de' as never })).rejects.toThrow();
    expect((await loadSettings(fakeBrowser.storage.local)).language).toBe('auto');
  });

  it('Auto follows the browser; a choice wins over it', () => {
    expect(resolveLocale('auto', 'zh-CN')).toBe('zh_CN');
    expect(resolveLocale('auto', 'ru-RU')).toBe('ru');
    expect(resolveLocale('auto', 'de-DE')).toBe('en');
    expect(resolveLocale('ru', 'zh-CN')).toBe('ru');
    expect(resolveLocale('en', 'ru')).toBe('en');
  });

  it('currentLocale reads the stored choice, and the browser language when there is none or it is unreadable', async () => {
    const storage = fakeBrowser.storage.local;
    expect(await currentLocale(storage, 'zh-TW')).toBe('zh_CN');
    await saveSettings(storage, { language: 'ru' });
    expect(await currentLocale(storage, 'zh-TW')).toBe('ru');
    await storage.set({ [SETTINGS_KEY]: { language: 'klingon' } });
    expect(await currentLocale(storage, 'en-US')).toBe('en');
    const broken = { get: async () => Promise.reject(new Error('storage gone')), set: async () => {} };
    expect(await currentLocale(broken, 'ru')).toBe('ru');
  });

  it('a settings change is noticed (the background renames its menus), other keys are not', () => {
    expect(settingsChanged({ [SETTINGS_KEY]: {} }, 'local')).toBe(true);
    expect(settingsChanged({ currentCase: {} }, 'local')).toBe(false);
    expect(settingsChanged({ [SETTINGS_KEY]: {} }, 'sync')).toBe(false);
  });

  it('menus re-created in the chosen language replace the old ones', async () => {
    const created: { id: string; title: string }[] = [];
    const menus = { removeAll: async () => void created.splice(0), create: (item: { id: string; title: string }) => created.push(item) };
    await createMenus(menus, translator('en'));
    await createMenus(menus, translator(await currentLocale(await ruStorage(), 'en')));
    expect(created.map((m) => m.title)).toEqual([translator('ru')('actions.menuPage'), translator('ru')('actions.menuSelection'), translator('ru')('chat.menu')]);
    expect(created[0].title).not.toBe(translator('en')('actions.menuPage'));
  });
});

async function ruStorage() {
  await saveSettings(fakeBrowser.storage.local, { language: 'ru' });
  return fakeBrowser.storage.local;
}
