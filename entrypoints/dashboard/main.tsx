import { render } from 'preact';
import { Dashboard } from '@/components/Dashboard';
import { browserDashboardApi } from '@/lib/dashboard-api';
import { currentLocale } from '@/lib/locale';
import '@/components/popup.css';
import '@/components/plan.css';
import '@/components/case.css';
import '@/components/dashboard.css';

void currentLocale().then((locale) => render(<Dashboard api={browserDashboardApi(locale)} />, document.getElementById('app')!));
