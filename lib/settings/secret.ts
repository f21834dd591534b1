/** Text with every trace of the key replaced: raw, URL-encoded (either hex case) and form-encoded. */
export function redactSecret(text: string, secret: string): string {
  if (!secret) return text;
  const encoded = encodeURIComponent(secret);
  const forms = new Set([
    secret,
    encoded,
    encoded.replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase()),
    encodeURI(secret),
    encoded.replace(/%20/g, '+'),
  ]);
  let out = text;
  // Longest first, so a form that contains another is replaced whole.
  for (const form of [...forms].sort((a, b) => b.length - a.length)) out = out.replaceAll(form, '•••');
  return out;
}

/** "••••••••3f9a": enough to recognise a key, not enough to use it. */
export function maskApiKey(apiKey: string): string {
  if (!apiKey) return '';
  const tail = apiKey.length > 8 ? apiKey.slice(-4) : '';
  return `${'•'.repeat(8)}${tail}`;
}
