import { render } from 'preact';
import '../../components/theme.css';
import './style.css';
import { OffersApp } from '../../components/offers/OffersApp';

render(<OffersApp />, document.getElementById('app') as HTMLElement);
