import { render } from 'preact';
import { startPage } from '../../components/start-page';
import '../../components/theme.css';
import '../../components/offers/offers.css';
import '../../components/offers/changes.css';
import { OffersApp } from '../../components/offers/OffersApp';
import { prepareOnThisPage } from '../../components/offers/use-on-this-page';

const onThisPage = prepareOnThisPage();
startPage(() => {
  const mount = () => render(<OffersApp surface="panel" />, document.getElementById('app') as HTMLElement);
  void onThisPage.then(mount, mount);
});
