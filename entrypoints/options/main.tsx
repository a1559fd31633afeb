import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Options } from '@/components/settings/Options';
import { db } from '@/lib/cases/db';
import { currentLocale } from '@/lib/i18n/locale';
import { sendToBackground } from '@/lib/messaging/protocol';
import '@/components/popup/popup.css';

void currentLocale().then((locale) =>
  render(
    <Options
      api={{
        locale,
        uiLanguage: browser.i18n.getUILanguage(),
        storage: browser.storage.local,
        database: db(),
        extensionVersion: browser.runtime.getManifest().version,
        estimate: navigator.storage?.estimate ? () => navigator.storage.estimate() : undefined,
        now: () => new Date(),
        refreshDeadlines: () => void sendToBackground('deadlines:refresh').catch(() => undefined),
      }}
    />,
    document.getElementById('app')!,
  ),
);
