/** Turns a Teams message into lower-case word tokens plus the names it @mentions. */

/** Questions are short; capping input bounds the work a pasted essay can cause. */
const MAX_CHARS = 1000;
const MAX_TOKENS = 40;

const ENTITIES: Record<string, string> = { nbsp: ' ', amp: '&', quot: '"', apos: "'", lt: '<', gt: '>', '#39': "'" };

/** ISO dates and d/m/y stay whole; hyphens otherwise split, so "BTP-7" and "BTP 7" read the same. */
const TOKEN = /\d{4}-\d{1,2}-\d{1,2}|\d{1,2}\/\d{1,2}(?:\/\d{2,4})?|[\p{L}\p{N}]+(?:\.\d+)*/gu;

export interface Tokens {
  words: string[];
  /** Display names inside `<at>…</at>`, in order. */
  mentions: string[];
}

export function tokenize(message: string): Tokens {
  const mentions: string[] = [];
  const text = message
    .slice(0, MAX_CHARS)
    .replace(/<at[^>]*>([^<]*)<\/at>/gi, (_, name: string) => {
      mentions.push(name.trim());
      return ' ';
    })
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(nbsp|amp|quot|apos|lt|gt|#39);/g, (_, e: string) => ENTITIES[e])
    .toLowerCase()
    // "what's", "DCC's" and "whats" all reduce to the bare word.
    .replace(/['\u2018\u2019\u02bc`]s\b/g, '')
    .replace(/['\u2018\u2019\u02bc`]/g, '');
  return { words: (text.match(TOKEN) ?? []).slice(0, MAX_TOKENS), mentions };
}
