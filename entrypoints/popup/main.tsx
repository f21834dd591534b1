import { render } from 'preact';
import '../../components/theme.css';
import '../../components/offers/offers.css';
import { OffersApp } from '../../components/offers/OffersApp';
import { isPopupElsewhere } from '../../components/popup-window';

// The toolbar's popup asks for its width; opened in a tab or window, it fills it (offers.css).
document.documentElement.classList.toggle('fill-window', isPopupElsewhere());
render(<OffersApp />, document.getElementById('app') as HTMLElement);
