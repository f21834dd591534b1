import { formatGeos, formatPayout, formatPlatform } from '../format';
import { t, tp } from '../i18n';
import type { Offer } from '../offer';

/**
 * The address bar's keyword ("ol spotify geo:us"): suggestions as the publisher types, and
 * what Enter opens. Chrome reads a suggestion's description as XML (with <match>, <dim> and
 * <url> markup, so feed text must be escaped); Firefox shows it as plain text.
 */

export const OMNIBOX_KEYWORD = 'ol';
/** Chrome shows at most this many; more are dropped. */
export const OMNIBOX_MAX = 6;
/** A suggestion's content: what the address bar holds when it is chosen, and what Enter passes back. */
const OFFER_PREFIX = 'offer:';

export interface OmniboxSuggestion {
  content: string;
  description: string;
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => XML_ESCAPES[c] as string);
}

/**
 * Control characters (newlines included) would break a one-line suggestion; U+FFFE, U+FFFF and
 * a lone surrogate are not allowed in XML at all, and Chrome refuses the whole suggestion list
 * for one of them: lone surrogates become U+FFFD, the rest is removed.
 */
function oneLine(text: string): string {
  return (
    text
      .toWellFormed()
      // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
      .replace(/[\s\u0000-\u001f\u007f\ufffe\uffff]+/g, ' ')
      .trim()
  );
}

/** "Spotify – Android – US/GB — $1.45 CPA · Android · US, GB": what decides, on one line. */
export function suggestionText(offer: Offer): { name: string; details: string } {
  const details = [formatPayout(offer.payout), formatPlatform(offer.platform), formatGeos(offer.geos, 4)]
    .filter(Boolean)
    .join(' · ');
  return { name: oneLine(offer.name), details: oneLine(details) };
}

export function omniboxSuggestions(offers: Offer[], markup: 'xml' | 'plain'): OmniboxSuggestion[] {
  return offers.slice(0, OMNIBOX_MAX).map((offer) => {
    const { name, details } = suggestionText(offer);
    const description =
      markup === 'xml'
        ? `<match>${escapeXml(name)}</match> <dim>— ${escapeXml(details)}</dim>`
        : `${name} — ${details}`;
    return { content: `${OFFER_PREFIX}${offer.id}`, description };
  });
}

/** Where the typed text goes in an XML sentence: a control character, which `oneLine` takes out of the text. */
const TYPED = '\u0001';

/** The line above the suggestions, for the text typed. */
export function defaultSuggestion(text: string, total: number | null, markup: 'xml' | 'plain'): string {
  const typed = oneLine(text);
  if (!typed) return xmlText(t('omniboxTypeToSearch'), markup);
  const sentence = (shown: string) =>
    total === null ? t('omniboxSearch', { text: shown }) : tp('omniboxSearchFound', total, { text: shown });
  if (markup === 'plain') return sentence(typed);
  return xmlText(sentence(TYPED), markup).replace(TYPED, `<match>${escapeXml(typed)}</match>`);
}

/** A message as Chrome's XML wants it: the two characters XML text cannot hold, escaped (a translation may have them). */
function xmlText(message: string, markup: 'xml' | 'plain'): string {
  return markup === 'xml' ? message.replaceAll('&', '&amp;').replaceAll('<', '&lt;') : message;
}

/** What Enter chose: one offer (a suggestion) or a search (the text typed). */
export function omniboxChoice(text: string): { offerId: string } | { query: string } {
  const trimmed = text.trim();
  if (trimmed.startsWith(OFFER_PREFIX)) {
    const offerId = trimmed.slice(OFFER_PREFIX.length).trim();
    if (offerId) return { offerId };
  }
  return { query: trimmed };
}
