/**
 * A message with one `{name}` drawn as markup of its own (a button, bold text): the text before
 * it and the text after, so a translation may put the markup anywhere in its sentence.
 */
export function aroundPlaceholder(message: string, name: string): [before: string, after: string] {
  const placeholder = `{${name}}`;
  const at = message.indexOf(placeholder);
  return at === -1 ? [message, ''] : [message.slice(0, at), message.slice(at + placeholder.length)];
}
