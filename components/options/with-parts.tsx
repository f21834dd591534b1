import { type ComponentChild, Fragment } from 'preact';

/**
 * A message with elements where its `{name}` placeholders stand ("Send your API key to
 * <strong>{host}</strong>?"), so the translator's sentence decides where they go.
 */
export function withParts(message: string, parts: Record<string, ComponentChild>): ComponentChild[] {
  return message.split(/(\{[A-Za-z]+\})/).map((piece, i) => {
    const name = piece.slice(1, -1);
    const part = piece.startsWith('{') && Object.hasOwn(parts, name) ? parts[name] : piece;
    return <Fragment key={i}>{part}</Fragment>;
  });
}
