/**
 * Typo-tolerant matching of words and multi-word names. Bounded so that a parse stays well under a
 * millisecond: distances stop early, and names are matched token by token against a small vocabulary.
 */
import { append } from '../groups';

/** Edits a typed word may carry: none for short words, where one edit turns "red" into "bed". */
export function tolerance(length: number): number {
  return length < 4 ? 0 : length < 8 ? 1 : 2;
}

/** Optimal string alignment distance (Levenshtein plus adjacent swaps), or max + 1 once it must exceed max. */
export function editDistance(a: string, b: string, max: number): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
      row.push(d);
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length];
}

/** The most edits `tolerance` ever allows; the index precomputes deletions this deep. */
const MAX_EDITS = 2;

/** Every string reachable from `word` by deleting up to `depth` characters (the word itself included). */
function deletions(word: string, depth: number, into = new Set<string>()): Set<string> {
  into.add(word);
  if (depth > 0 && word.length > 1) {
    for (let i = 0; i < word.length; i++) deletions(word.slice(0, i) + word.slice(i + 1), depth - 1, into);
  }
  return into;
}

/**
 * Typo lookup by shared deletions (as in SymSpell): two words within k edits share a string reached
 * by at most k deletions from each, so a lookup hashes a few dozen variants instead of comparing
 * against every word, and only those candidates pay for an edit distance.
 */
export class WordIndex<T> {
  private readonly words: [string, T][];
  private readonly byDeletion = new Map<string, number[]>();
  private readonly longest: number;

  constructor(entries: Iterable<[string, T]>) {
    this.words = [...entries];
    this.words.forEach(([word], i) => {
      for (const variant of deletions(word, MAX_EDITS)) {
        const ids = this.byDeletion.get(variant);
        if (ids) ids.push(i);
        else this.byDeletion.set(variant, [i]);
      }
    });
    this.longest = Math.max(0, ...this.words.map(([w]) => w.length));
  }

  /** Every word within `max` edits of `word`, with its distance. */
  near(word: string, max = tolerance(word.length)): { word: string; value: T; distance: number }[] {
    const found: { word: string; value: T; distance: number }[] = [];
    if (word.length > this.longest + max) return found;
    const seen = new Set<number>();
    for (const variant of deletions(word, Math.min(max, MAX_EDITS))) {
      for (const i of this.byDeletion.get(variant) ?? []) {
        if (seen.has(i)) continue;
        seen.add(i);
        const [candidate, value] = this.words[i];
        const distance = editDistance(word, candidate, max);
        if (distance <= max) found.push({ word: candidate, value, distance });
      }
    }
    return found;
  }

  /** The value of the closest word; undefined when none is close or the closest disagree (a guess would be arbitrary). */
  closest(word: string): T | undefined {
    let best = Infinity;
    const values = new Set<T>();
    for (const n of this.near(word)) {
      if (n.distance < best) values.clear();
      if (n.distance <= best) {
        best = n.distance;
        values.add(n.value);
      }
    }
    return values.size === 1 ? values.values().next().value : undefined;
  }
}

export interface Alias<T> {
  tokens: readonly string[];
  value: T;
  /** Whether a contiguous part may match on its own ("contact management" for "Head of Contact Management"). */
  partial: boolean;
  /** Initialisms and keys: "dcc" must not drift to "acc". */
  exact: boolean;
}

/** A span of input tokens and every value that matched it equally well (more than one means ambiguous). */
export interface PhraseMatch<T> {
  start: number;
  end: number;
  values: T[];
}

/**
 * Finds names inside tokenised text. `weak` words (stopwords, question vocabulary) may sit inside a
 * match but cannot carry one on their own, so "plan" alone never selects a plan.
 */
export class PhraseIndex<T> {
  private readonly vocabulary: WordIndex<number>;
  private readonly words: string[];
  private readonly aliases: { tokens: number[]; alias: Alias<T> }[];
  /** Where a match may start, by word: (alias, token offset) pairs, in alias order. */
  private readonly startsWith = new Map<number, { entry: number; offset: number }[]>();

  constructor(
    aliases: Alias<T>[],
    private readonly weak: ReadonlySet<string>,
    private readonly stopwords: ReadonlySet<string>,
  ) {
    this.words = [...new Set(aliases.flatMap((a) => a.tokens))];
    const ids = new Map(this.words.map((w, i) => [w, i]));
    this.vocabulary = new WordIndex(ids);
    this.aliases = aliases.map((alias) => ({ alias, tokens: alias.tokens.map((t) => ids.get(t) as number) }));
    for (const [entry, { alias, tokens }] of this.aliases.entries()) {
      for (const [offset, word] of tokens.entries()) {
        if (offset === 0 || alias.partial) append(this.startsWith, word, { entry, offset });
      }
    }
  }

  /**
   * Left-to-right, longest match at each position; ties prefer a whole alias, then fewer edits.
   * `fuzzy(token)` says whether a token may match with edits (known vocabulary must match exactly).
   */
  scan(tokens: readonly string[], fuzzy: (token: string) => boolean): PhraseMatch<T>[] {
    const distances = tokens.map((t) => {
      const row = new Map<number, number>();
      for (const n of this.vocabulary.near(t, fuzzy(t) ? tolerance(t.length) : 0)) row.set(n.value, n.distance);
      return row;
    });
    const matches: PhraseMatch<T>[] = [];
    for (let start = 0; start < tokens.length; ) {
      const best = this.stopwords.has(tokens[start]) ? undefined : this.bestAt(tokens, distances, start);
      if (best) matches.push(best);
      start = best ? best.end : start + 1;
    }
    return matches;
  }

  private bestAt(
    tokens: readonly string[],
    distances: Map<number, number>[],
    start: number,
  ): PhraseMatch<T> | undefined {
    let bestScore = 0;
    let best: { length: number; values: Set<T> } | undefined;
    // Only aliases holding a word this token is near can match here, so a question's cost does not grow
    // with every name in the organisation.
    const candidates = [...distances[start].keys()]
      .flatMap((word) => this.startsWith.get(word) ?? [])
      .sort((a, b) => a.entry - b.entry || a.offset - b.offset);
    for (const { entry, offset } of candidates) {
      const { alias, tokens: ids } = this.aliases[entry];
      const edits: number[] = [];
      while (offset + edits.length < ids.length && start + edits.length < tokens.length) {
        const d = distances[start + edits.length].get(ids[offset + edits.length]);
        if (d === undefined || (alias.exact && d > 0)) break;
        edits.push(d);
      }
      // A match shrinks until it ends on a content word and carries a strong one.
      let length = edits.length;
      while (length > 0 && !this.acceptable(tokens, start, length, offset === 0 && length === ids.length)) length--;
      const whole = offset === 0 && length === ids.length;
      if (length === 0 || (!whole && !alias.partial)) continue;
      const score = length * 100 + (whole ? 50 : 0) - edits.slice(0, length).reduce((a, b) => a + b, 0);
      if (score > bestScore) {
        bestScore = score;
        best = { length, values: new Set([alias.value]) };
      } else if (score === bestScore && best) best.values.add(alias.value);
    }
    return best && { start, end: start + best.length, values: [...best.values] };
  }

  /** Short fragments ("ba" of "MPS-BA") are too easily typed by accident to stand alone. */
  private acceptable(tokens: readonly string[], start: number, length: number, whole: boolean): boolean {
    const span = tokens.slice(start, start + length);
    const strong = (t: string) => !this.weak.has(t) && (whole || t.length >= 3);
    return !this.stopwords.has(span[span.length - 1]) && span.some(strong);
  }
}
