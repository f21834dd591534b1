/**
 * Save text as a file through a Blob link: the browser's own download, no `downloads`
 * permission. The link is revoked once the browser has taken the file. A text in parts
 * (lib/export: FileText) goes into the Blob as its parts, never joined.
 */
export function downloadText(fileName: string, text: string | readonly string[], type: string): void {
  const url = URL.createObjectURL(new Blob(typeof text === 'string' ? [text] : [...text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
