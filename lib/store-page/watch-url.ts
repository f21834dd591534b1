/**
 * Calls `onChange(url)` for the page's URL now and after every same-document navigation.
 * Both stores are single-page apps that move between apps with the history API, and WXT's
 * `wxt:locationchange` polls; the Navigation API (where the browser has it) reports at once.
 */
export function watchPageUrl(
  ctx: { addEventListener: (target: Window, type: 'wxt:locationchange', handler: () => void) => void },
  onChange: (url: string) => void,
): void {
  let last = '';
  const check = () => {
    if (location.href === last) return;
    last = location.href;
    onChange(last);
  };
  ctx.addEventListener(window, 'wxt:locationchange', check);
  const navigation = (window as { navigation?: EventTarget }).navigation;
  navigation?.addEventListener('navigatesuccess', check);
  window.addEventListener('popstate', check);
  check();
}
