import { useState } from 'preact/hooks';
import { askForLinkChecks, hasLinkChecks, revokeLinkChecks } from '../link-check';
import { useAsyncEffect } from '../use-async-effect';

/** Whether link checks' optional permissions are granted (null until known), and the ways to change it. */
export function useLinkCheckPermission() {
  const [allowed, setAllowed] = useState<boolean | null>(null);
  useAsyncEffect(() => hasLinkChecks(), setAllowed, []);
  return {
    allowed,
    /** Runs inside the click: the browser's question must come from the publisher's gesture. */
    allow: () => void askForLinkChecks().then(setAllowed),
    revoke: () => void revokeLinkChecks().then(hasLinkChecks).then(setAllowed),
  };
}
