import { describe, expect, it } from 'vitest';
import { hasSidePanel, openSidePanel } from './side-panel';

const WINDOW_ID_CURRENT = -2;

/** A browser whose panel API records how it was asked to open. */
function chrome() {
  const opened: unknown[] = [];
  return {
    opened,
    browser: {
      windows: { WINDOW_ID_CURRENT },
      sidePanel: { open: async (options: unknown) => void opened.push(options) },
    },
  };
}

describe('opening the side panel', () => {
  it("opens Chrome's panel beside the tab it is asked for", async () => {
    const { opened, browser } = chrome();
    await openSidePanel(browser, { tabId: 7, windowId: 3 });
    expect(opened).toEqual([{ tabId: 7 }]);
  });

  it("opens Chrome's panel in the window asked for, else in the current one", async () => {
    const { opened, browser } = chrome();
    await openSidePanel(browser, { windowId: 3 });
    await openSidePanel(browser);
    expect(opened).toEqual([{ windowId: 3 }, { windowId: -2 }]);
  });

  it("opens Firefox's sidebar", async () => {
    let opened = 0;
    const firefox = { windows: { WINDOW_ID_CURRENT }, sidebarAction: { open: async () => void opened++ } };
    expect(hasSidePanel(firefox)).toBe(true);
    await openSidePanel(firefox, { tabId: 7 });
    expect(opened).toBe(1);
  });

  it('says there is none, and refuses to open it, in a browser without a panel', async () => {
    const bare = { windows: { WINDOW_ID_CURRENT } };
    expect(hasSidePanel(bare)).toBe(false);
    await expect(openSidePanel(bare)).rejects.toThrow('No side panel in this browser');
  });

  it('answers a refusal thrown at once (no user gesture) as a rejection', async () => {
    const refusing = {
      windows: { WINDOW_ID_CURRENT },
      sidePanel: {
        open: () => {
          throw new Error('sidePanel.open() may only be called in response to a user gesture.');
        },
      },
    };
    await expect(openSidePanel(refusing)).rejects.toThrow('may only be called in response to a user gesture');
  });
});
