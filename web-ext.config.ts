import { defineWebExtConfig } from 'wxt';

// `npm start` opens a browser with the extension on a desktop. On a headless machine (CI,
// scripts) there is no browser to open, so WXT's runner is switched off there.
const headless =
  !!process.env.CI || (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY);

export default defineWebExtConfig({
  disabled: headless,
  startUrls: ['https://play.google.com/store/apps/details?id=com.spotify.music'],
});
