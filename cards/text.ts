/**
 * Text from plans and users goes into cards through here. Adaptive Card TextBlocks render a Markdown
 * subset and Teams turns `<at>` into mentions, so user text is escaped: nobody can make the bot post a
 * link, emphasis or mention they did not write.
 */

const MARKDOWN = /([\\`*_{}[\]()#+\-.!|>~])/g;

export function escapeMarkdown(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(MARKDOWN, '\\$1');
}

/** Shortens to `max` characters on a word boundary, with an ellipsis. */
export function truncate(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** Plain text for a TextBlock: escaped and shortened. */
export function safe(text: string | null | undefined, max = 500): string {
  return escapeMarkdown(truncate(text ?? '', max));
}
