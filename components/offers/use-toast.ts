import { useEffect, useState } from 'preact/hooks';

/** How long a toast ("Copied the tracking link of …") stays in the footer. */
const TOAST_MS = 2500;

/** A short confirmation in the footer (and read out), gone after a moment. */
export function useToast() {
  const [toast, setToast] = useState('');
  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(() => setToast(''), TOAST_MS);
    return () => clearTimeout(timer);
  }, [toast]);
  return { toast, say: setToast };
}
