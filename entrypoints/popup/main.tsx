import { render } from 'preact';
import { Popup } from '@/components/Popup';
import { browserPopupApi } from '@/lib/popup-api';
import '@/components/popup.css';

render(<Popup api={browserPopupApi(location.search)} />, document.getElementById('app')!);
