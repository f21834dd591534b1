import { render } from 'preact';
import '../../components/theme.css';
import './style.css';
import { PopupApp } from '../../components/popup/PopupApp';

render(<PopupApp />, document.getElementById('app') as HTMLElement);
