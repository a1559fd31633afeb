import { render } from 'preact';
import { Popup } from '@/components/Popup';
import { currentLocale } from '@/lib/locale';
import { browserPopupApi } from '@/lib/popup-api';
import '@/components/popup.css';
import '@/components/plan.css';

void currentLocale().then((locale) => render(<Popup api={browserPopupApi(location.search, locale)} />, document.getElementById('app')!));
