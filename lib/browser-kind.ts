/**
 * Firefox, told from Chrome by the one API only it has (runtime.getBrowserInfo): for the few
 * places the two differ at run time (omnibox text, link-check permissions and user agent).
 */
export function isFirefox(runtime: object): boolean {
  return typeof (runtime as { getBrowserInfo?: unknown }).getBrowserInfo === 'function';
}
