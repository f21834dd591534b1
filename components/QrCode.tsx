import { useState } from 'preact/hooks';
import { useAsyncEffect } from './use-async-effect';

/** uqr is loaded the first time a QR code is shown: most openings of a surface never show one. */
let encoder: Promise<typeof import('uqr')> | null = null;

/** A QR code as SVG paths built from uqr's module matrix (no markup strings involved). */
export function QrCode({ text, size = 148, label }: { text: string; size?: number; label: string }) {
  const [drawn, setDrawn] = useState<{ text: string; path: string; modules: number } | null>(null);
  useAsyncEffect(
    () => {
      encoder ??= import('uqr');
      return encoder.then(({ encode }) => drawQr(encode, text));
    },
    setDrawn,
    [text],
  );
  const modules = drawn?.modules ?? 1;
  return (
    <svg
      class="qr"
      role="img"
      aria-label={label}
      aria-busy={drawn?.text !== text}
      width={size}
      height={size}
      viewBox={`0 0 ${modules} ${modules}`}
      shape-rendering="crispEdges"
    >
      <rect width={modules} height={modules} fill="#fff" />
      {drawn?.text === text && <path d={drawn.path} fill="#000" />}
    </svg>
  );
}

/** The dark modules as one path of unit squares. */
function drawQr(encode: typeof import('uqr')['encode'], text: string) {
  const qr = encode(text, { border: 2, ecc: 'M' });
  let path = '';
  qr.data.forEach((row, y) => {
    row.forEach((dark, x) => {
      if (dark) path += `M${x} ${y}h1v1h-1z`;
    });
  });
  return { text, path, modules: qr.size };
}
