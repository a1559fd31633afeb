import { render } from 'preact';
import { CasePage } from '@/components/CasePage';
import { browserCasePageApi } from '@/lib/case-page-api';
import '@/components/popup.css';
import '@/components/case.css';

render(<CasePage api={browserCasePageApi(location.search)} />, document.getElementById('app')!);
