import { render } from 'preact';
import { startPage } from '../../components/start-page';
import '../../components/theme.css';
import '../../components/offers/offers.css';
import '../../components/offers/changes.css';
import { OffersApp } from '../../components/offers/OffersApp';
import { surfaceStartFromUrl } from '../../lib/surfaces';

// The offers as a page of its own (the address bar's Enter, a right-click without a popup):
// ?id= opens an offer, ?q= a search, ?app= a store page's app.
startPage(() =>
  render(
    <OffersApp surface="page" start={surfaceStartFromUrl(location.search)} />,
    document.getElementById('app') as HTMLElement,
  ),
);
