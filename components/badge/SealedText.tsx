/**
 * Text the store page's scripts cannot search for. A closed shadow root keeps the page from
 * reading the badge's nodes, but Chromium's `window.find()` still searches text inside it, so
 * a page could test guesses ("$1.6", "aff_sub2=pub") one by one. Text drawn by CSS from an
 * attribute (`.sealed::before { content: attr(data-text) }`, badge.css) is not in the
 * document's text: find() does not match it, while it is seen and read aloud as any text.
 * Everything the badge says about offers and the publisher is drawn this way.
 */
export function SealedText({ text, class: className }: { text: string; class?: string }) {
  return <span class={className ? `sealed ${className}` : 'sealed'} data-text={text} />;
}
