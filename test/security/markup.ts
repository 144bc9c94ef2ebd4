/**
 * What of a card's text Teams would treat as markup. Card text is a Markdown subset, and Teams turns
 * `<at>…</at>` into mentions; a backslash makes the next character literal. `markupOf` keeps, in order,
 * every unescaped character that can start markup, so a card built from hostile text must have exactly
 * the markup of the same card built from plain words: the hostile text contributed none.
 */

/** Line breaks are left out: they start nothing when every block marker after them is escaped. */
const SPECIAL = new Set([...'\\`*_{}[]()#+-.!|>~<']);
/** Keys whose strings are shown to people (TextBlock/TextRun text, FactSet title/value, button titles, alt text). */
const SHOWN = new Set(['text', 'title', 'value', 'altText', 'summary', 'fallbackText']);

export function shownStrings(node: unknown, key = ''): string[] {
  if (typeof node === 'string') return SHOWN.has(key) ? [node] : [];
  if (Array.isArray(node)) return node.flatMap((n) => shownStrings(n, key));
  if (node && typeof node === 'object') {
    // Action data goes back to the bot and mention entities are metadata: neither is rendered.
    return Object.entries(node).flatMap(([k, v]) => (k === 'data' || k === 'msteams' ? [] : shownStrings(v, k)));
  }
  return [];
}

export function markupOf(card: unknown): string[] {
  return shownStrings(card).map((text) => {
    let out = '';
    for (let i = 0; i < text.length; i++) {
      if (text[i] === '\\') i++;
      else if (SPECIAL.has(text[i])) out += text[i];
    }
    return out;
  });
}

/** Text people might put in a plan, an update or a name to make the bot post links, emphasis or mentions. */
export const HOSTILE = [
  '[click](http://evil)',
  '**bold**',
  '<at>Everyone</at>',
  '_italic_ and *star*',
  '# Heading',
  '![pixel](http://evil/x.png)',
  "<a href='http://evil'>x</a>",
  '`code`',
  '- item\n1. item',
  '\\*pre-escaped\\*',
  '&lt;at&gt;Everyone&lt;/at&gt;',
  '> quote ~~strike~~ | pipe',
];
