import { render } from 'preact';
import { startPage } from '../../components/start-page';
import '../../components/theme.css';
import '../../components/offers/offers.css';
import '../../components/offers/changes.css';
import { OffersApp } from '../../components/offers/OffersApp';
import { isPopupElsewhere } from '../../components/popup-window';

// The toolbar's popup asks for its width; opened in a tab or window, it fills it (offers.css).
document.documentElement.classList.toggle('fill-window', isPopupElsewhere());
startPage(() => render(<OffersApp />, document.getElementById('app') as HTMLElement));
