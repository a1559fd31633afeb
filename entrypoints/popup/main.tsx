import { render } from 'preact';
import { Popup } from '@/components/popup/Popup';
import { currentLocale } from '@/lib/i18n/locale';
import { browserPopupApi } from '@/components/popup/popup-api';
import '@/components/popup/popup.css';
import '@/components/plan/plan.css';

void currentLocale().then((locale) => render(<Popup api={browserPopupApi(location.search, locale)} />, document.getElementById('app')!));
