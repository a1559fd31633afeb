import { render } from 'preact';
import { CasePage } from '@/components/case/CasePage';
import { browserCasePageApi } from '@/components/case/case-page-api';
import { currentLocale } from '@/lib/i18n/locale';
import '@/components/popup/popup.css';
import '@/components/plan/plan.css';
import '@/components/case/case.css';
import '@/components/dashboard/dashboard.css';

void currentLocale().then((locale) => render(<CasePage api={browserCasePageApi(location.search, locale, location.hash)} />, document.getElementById('app')!));
