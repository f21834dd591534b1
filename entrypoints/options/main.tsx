import { render } from 'preact';
import { startPage } from '../../components/start-page';
import '../../components/theme.css';
import './style.css';
import { OptionsPage } from '../../components/options/OptionsPage';

startPage(() => render(<OptionsPage />, document.getElementById('app') as HTMLElement));
