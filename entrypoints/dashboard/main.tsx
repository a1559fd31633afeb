import { render } from 'preact';
import { Dashboard } from '@/components/dashboard/Dashboard';
import { browserDashboardApi } from '@/components/dashboard/dashboard-api';
import { currentLocale } from '@/lib/i18n/locale';
import '@/components/popup/popup.css';
import '@/components/plan/plan.css';
import '@/components/case/case.css';
import '@/components/dashboard/dashboard.css';

void currentLocale().then((locale) => render(<Dashboard api={browserDashboardApi(locale)} />, document.getElementById('app')!));
