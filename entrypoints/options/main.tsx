import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Options } from '@/components/Options';
import { localeFor } from '@/lib/i18n';
import '@/components/popup.css';

render(
  <Options
    locale={localeFor(browser.i18n.getUILanguage())}
    storage={browser.storage.local}
    onSaved={() => void browser.runtime.sendMessage({ type: 'deadlines:refresh' }).catch(() => undefined)}
  />,
  document.getElementById('app')!,
);
