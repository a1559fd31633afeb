import { render } from 'preact';
import { Options } from '@/components/settings/Options';
import { browserSettingsPageApi } from '@/components/settings/settings-api';
import { currentLocale } from '@/lib/i18n/locale';
import '@/components/popup/popup.css';

void currentLocale().then((locale) => render(<Options api={browserSettingsPageApi(locale)} />, document.getElementById('app')!));
