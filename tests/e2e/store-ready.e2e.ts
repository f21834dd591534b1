import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const manifest = (dir: string) => JSON.parse(readFileSync(`.output/${dir}/manifest.json`, 'utf8'));

// The README's permission table justifies exactly these; a new one must be argued there first.
// contextMenus: the right-click item on store links and pages. sidePanel (Chrome only; Firefox's
// sidebar needs no permission): the side panel. No tabs, downloads or clipboardWrite: the panel
// reads store tabs' URLs through the store host permissions, exports are Blob links, copies are
// the publisher's own clicks and shortcuts.
const PERMISSIONS: Record<string, string[]> = {
  'chrome-mv3': ['alarms', 'contextMenus', 'sidePanel', 'storage', 'unlimitedStorage'],
  'firefox-mv3': ['alarms', 'contextMenus', 'storage', 'unlimitedStorage'],
};
const HOSTS = ['https://apps.apple.com/*', 'https://itunes.apple.com/*', 'https://play.google.com/*'];
const OPTIONAL_HOSTS = ['http://*/*', 'https://*/*'];

describe('store-ready builds', () => {
  it.each(['chrome-mv3', 'firefox-mv3'])('%s asks only for the permissions the README justifies', (dir) => {
    const m = manifest(dir);
    expect([...m.permissions].sort()).toEqual(PERMISSIONS[dir]);
    expect([...m.host_permissions].sort()).toEqual(HOSTS);
    expect([...m.optional_host_permissions].sort()).toEqual(OPTIONAL_HOSTS);
    expect(m.content_scripts.flatMap((c: { matches: string[] }) => c.matches).sort()).toEqual(HOSTS);
    expect(Object.keys(m.icons)).toEqual(['16', '32', '48', '96', '128']);
  });

  it.each(['chrome-mv3', 'firefox-mv3'])('%s has the address-bar keyword and rebindable shortcuts', (dir) => {
    const m = manifest(dir);
    expect(m.omnibox).toEqual({ keyword: 'ol' });
    const panel = dir === 'firefox-mv3' ? '_execute_sidebar_action' : 'open-side-panel';
    expect(Object.keys(m.commands).sort()).toEqual(['_execute_action', 'copy-best-link', panel].sort());
    if (dir === 'firefox-mv3') {
      expect(m.sidebar_action).toMatchObject({ default_panel: 'sidepanel.html', open_at_install: false });
    } else {
      expect(m.side_panel).toEqual({ default_path: 'sidepanel.html' });
    }
  });

  it('gives Firefox a gecko id, a minimum version and the data-collection declaration', () => {
    expect(manifest('firefox-mv3').browser_specific_settings.gecko).toEqual({
      id: 'offer-lens@carrierapptraffic.tools',
      strict_min_version: '142.0',
      data_collection_permissions: { required: ['authenticationInfo'] },
    });
  });

  it('passes web-ext lint with no errors', () => {
    const out = execFileSync('npx', ['web-ext', 'lint', '--source-dir', '.output/firefox-mv3', '--output', 'json'], {
      encoding: 'utf8',
    });
    const report = JSON.parse(out.slice(out.indexOf('{')));
    expect(report.errors).toEqual([]);
  });
});
