import { render } from 'preact';
import { startPage } from '../../components/start-page';
import '../../components/theme.css';
import './style.css';
import { OptionsPage } from '../../components/options/OptionsPage';
import { t } from '../../lib/i18n';

startPage(() => {
  // The tab's name in the page's language (the HTML's is the English one, until the words are read).
  document.title = t('optionsPageTitle');
  render(<OptionsPage />, document.getElementById('app') as HTMLElement);
});
