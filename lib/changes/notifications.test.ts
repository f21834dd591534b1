import { describe, expect, it } from 'vitest';
import { askForNotificationsPermission, hasNotificationsPermission } from './notifications';

describe('the notifications permission', () => {
  it('asks the browser about notifications, and nothing else', async () => {
    const asked: unknown[] = [];
    const permissions = {
      contains: async (p: unknown) => {
        asked.push(['contains', p]);
        return true;
      },
      request: async (p: unknown) => {
        asked.push(['request', p]);
        return false;
      },
    };
    expect(await hasNotificationsPermission(permissions)).toBe(true);
    expect(await askForNotificationsPermission(permissions)).toBe(false);
    expect(asked).toEqual([
      ['contains', { permissions: ['notifications'] }],
      ['request', { permissions: ['notifications'] }],
    ]);
  });

  it('answers no when the browser refuses to say or to ask (outside a click, no API)', async () => {
    const refusing = {
      contains: () => Promise.reject(new Error('permissions.contains is not available')),
      request: () => {
        throw new Error('permissions.request may only be called from a user input handler');
      },
    };
    expect(await hasNotificationsPermission(refusing)).toBe(false);
    expect(await askForNotificationsPermission(refusing)).toBe(false);
  });
});
