import { render } from 'preact';
import { CasePage } from '@/components/CasePage';
import { browserCasePageApi } from '@/lib/case-page-api';
import { currentLocale } from '@/lib/locale';
import '@/components/popup.css';
import '@/components/plan.css';
import '@/components/case.css';
import '@/components/dashboard.css';

void currentLocale().then((locale) => render(<CasePage api={browserCasePageApi(location.search, locale, location.hash)} />, document.getElementById('app')!));
