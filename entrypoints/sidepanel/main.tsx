import { render } from 'preact';
import '../../components/theme.css';
import '../../components/offers/offers.css';
import '../../components/offers/changes.css';
import { OffersApp } from '../../components/offers/OffersApp';

render(<OffersApp surface="panel" />, document.getElementById('app') as HTMLElement);
