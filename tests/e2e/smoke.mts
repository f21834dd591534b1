import { createFeedServer } from '../../scripts/feed-server';
import { launchChromium } from './chromium';
import { startStoreServer } from './store-server';

const feed = await createFeedServer({ port: 18787 });
const store = await startStoreServer();
const ext = await launchChromium(`${process.cwd()}/.output/chrome-mv3-e2e`, store.port);
const pages = ext.context.pages();
console.log(
  'pages',
  pages.map((p) => p.url()),
);
await new Promise((r) => setTimeout(r, 1500));
const popup = await ext.openPage('popup.html', { width: 400, height: 580 });
await popup.waitForSelector('.offer-row');
await popup.screenshot({ path: 'tmp/popup.png' });
await popup.fill('input[type=search]', 'spotfy');
await popup.waitForTimeout(300);
await popup.screenshot({ path: 'tmp/popup-search.png' });
await popup.keyboard.press('Enter');
await popup.waitForTimeout(300);
await popup.screenshot({ path: 'tmp/popup-detail.png' });
const options = await ext.openPage('options.html', { width: 800, height: 1100 });
await options.waitForTimeout(500);
await options.screenshot({ path: 'tmp/options.png', fullPage: true });
const play = await ext.context.newPage();
await play.goto('https://play.google.com/store/apps/details?id=com.spotify.music&gl=US');
await play.waitForSelector('offer-lens-badge .badge', { timeout: 5000 }).catch(() => console.log('no badge'));
await play.waitForTimeout(300);
await play.screenshot({ path: 'tmp/play.png' });
await ext.close();
await feed.close();
await store.close();
