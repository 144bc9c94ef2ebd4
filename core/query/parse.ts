/**
 * Deterministic reading of a manager's question: names first (plans, boards, posts, people, action
 * refs), then time phrases, then the remaining words as cues that pick the kind of query.
 */
import { type CompiledLexicon, compiledFor, type Entity } from './lexicon';
import { daysSince, findPeriods, type Word } from './time';
import type { MentionedPerson } from './mentions';
import { tokenize } from './tokens';
import type { Lexicon, ListFilter, Owner, Period, Query, SingleOwner } from './types';
import { type Cue, isKnownWord, senseOf } from './vocabulary';
import type { Rag } from '../domain';

/** An action or recommendation reference within a plan: "7", "3.2", "12a", "r3". */
const REF = /^[a-z]?\d+(?:\.\d+)*[a-z]?$/;

/** When a question says "due" or "changed" without saying when. */
const DEFAULT_DUE: Period = { days: 14 };
const DEFAULT_CHANGES: Period = { days: 7 };

interface Names {
  plan?: string;
  board?: string;
  /** Every owner named, in order, each once. */
  owners: SingleOwner[];
  ref?: { plan?: string; ref: string };
  /** Plans an action ref's prefix could mean ("BTP-7" with BTP-CDI and BTP-X). */
  ambiguous?: { plans: string[]; ref: string };
  found: number;
  /** Tokens that are not part of any name, for the word-level reading. */
  rest: string[];
}

/**
 * The ref starting at `tokens[i]`, after a plan's key: "7", or a word and a number where plans number a
 * part of themselves apart ("BTP-CDI-National 7"), the word being none the questions use.
 */
function refAt(tokens: string[], i: number): { text: string; length: number } | undefined {
  const [first, second] = [tokens[i], tokens[i + 1]];
  if (first !== undefined && REF.test(first)) return { text: first, length: 1 };
  if (first !== undefined && second !== undefined && /^[a-z]+$/.test(first) && !isKnownWord(first) && REF.test(second))
    return { text: `${first} ${second}`, length: 2 };
  return undefined;
}

const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

function readNames(
  tokens: string[],
  mentions: string[],
  lx: CompiledLexicon,
  mentioned: readonly MentionedPerson[],
): Names {
  // A ref matches a name only exactly: "10.1" is one edit from the "101" of a plan P101.
  const fuzzy = (t: string) => !isKnownWord(t) && !REF.test(t);
  const names: Names = { found: 0, owners: [], rest: [] };
  // A mention Teams identified is that person, whoever shares their name. Otherwise it is read as a
  // name: anyone not in the lexicon (the bot itself, under whatever name) is dropped, and a name several
  // people share stands for each of them, as when typed.
  const unclaimed = [...mentioned];
  for (const mention of mentions) {
    const known = unclaimed.findIndex((m) => sameName(m.name, mention));
    if (known >= 0) {
      assign(names, { type: 'person', id: unclaimed.splice(known, 1)[0].personId });
      continue;
    }
    const match = lx.names.scan(tokenize(mention).words, fuzzy).find((m) => m.values.every((v) => v.type === 'person'));
    for (const person of match?.values ?? []) assign(names, person);
  }
  let next = 0;
  for (const match of lx.names.scan(tokens, fuzzy)) {
    names.rest.push(...tokens.slice(next, match.start));
    next = match.end;
    const after = tokens[match.end];
    const plans = match.values.flatMap((v) => (v.type === 'plan' ? [v.key] : []));
    const ref = plans.length === match.values.length ? refAt(tokens, match.end) : undefined;
    if (ref) {
      if (plans.length === 1) names.ref = { plan: plans[0], ref: ref.text };
      else names.ambiguous = { plans, ref: ref.text };
      names.found++;
      next += ref.length;
    } else {
      const entity = match.values.length === 1 ? match.values[0] : typedByNextWord(match.values, after);
      if (entity) assign(names, entity);
      // People who share a name: a question about the name is about each of them (the card says how many).
      else if (match.values.every((v) => v.type === 'person')) for (const person of match.values) assign(names, person);
      // Equally good matches for different things: read the words as words instead.
      else names.rest.push(...tokens.slice(match.start, match.end));
    }
  }
  names.rest.push(...tokens.slice(next));
  return names;
}

/**
 * "the integrity board": "integrity" alone is in a plan's title and a board's name, and the word after
 * it says which kind of thing is meant.
 */
function typedByNextWord(values: Entity[], next: string | undefined): Entity | undefined {
  const type = next === 'board' || next === 'plan' ? next : undefined;
  const typed = values.filter((v) => v.type === type);
  return typed.length === 1 ? typed[0] : undefined;
}

/**
 * The first plan and board named win: a question is about one of each. Owners add up: "what's overdue
 * for Alex or the DCC?" (or "and": either way, a manager means both people's actions).
 */
function assign(names: Names, entity: Entity): void {
  names.found++;
  if (entity.type === 'plan') names.plan ??= entity.key;
  else if (entity.type === 'board') names.board ??= entity.key;
  else {
    const owner = entity.type === 'post' ? { post: entity.post } : { personId: entity.id };
    if (!names.owners.some((o) => JSON.stringify(o) === JSON.stringify(owner))) names.owners.push(owner);
  }
}

class Cues {
  private readonly present = new Set<Cue>();
  /** Words that look like content but mean nothing here ("weather", "xqzt"). */
  unrecognised = 0;
  content = 0;

  constructor(readonly words: Word[]) {
    for (const w of words) {
      if (w.used) continue;
      const cue = w.sense?.cue;
      if (cue) this.present.add(cue);
      if (!cue && !REF.test(w.text)) this.unrecognised++;
      else if (cue && cue !== 'filler' && cue !== 'number' && cue !== 'auxiliary') this.content++;
    }
  }

  has(...cues: Cue[]): boolean {
    return cues.some((c) => this.present.has(c));
  }

  /** A word with `cue` directly followed by one with `next` (e.g. "past due", "action 7"). */
  pair(cue: Cue, next: (w: Word) => boolean): Word | undefined {
    const i = this.words.findIndex(
      (w, k) => !w.used && w.sense?.cue === cue && this.words[k + 1] && next(this.words[k + 1]),
    );
    return i < 0 ? undefined : this.words[i + 1];
  }
}

const isRef = (w: Word) => !w.used && REF.test(w.text);
const hasCue =
  (...cues: Cue[]) =>
  (w: Word) =>
    !w.used && cues.includes(w.sense?.cue as Cue);

/** "BTP-7", or "action 7"/"recommendation 3" with the plan named anywhere. */
function refOf(names: Names, cues: Cues): { plan?: string; ref: string } | undefined {
  if (names.ref) return names.ref;
  const w = cues.pair('action', isRef) ?? cues.pair('recommendation', isRef);
  return w && { ref: w.text, ...(names.plan && { plan: names.plan }) };
}

/** "show me …" asks the bot to show, it does not mean "my actions". */
const OBJECT_ME = new Set(['show', 'tell', 'give', 'let', 'find', 'send', 'get', 'make', 'help', 'ask']);

function ownerOf(names: Names, cues: Cues): Owner | undefined {
  if (names.owners.length) return names.owners.length === 1 ? names.owners[0] : { any: names.owners };
  // "me"/"my", or "I" as in "what do I owe" (not "can I see").
  const askerI = cues.pair('auxiliary', hasCue('i')) ?? cues.pair('i', hasCue('owe', 'auxiliary'));
  const me = cues.words.some((w, i) => w.sense?.cue === 'me' && !OBJECT_ME.has(cues.words[i - 1]?.text));
  return me || askerI ? { me: true } : undefined;
}

const RAG_CUES: [Cue, Rag][] = [
  ['red', 'RED'],
  ['amber', 'AMBER'],
  ['green', 'GREEN'],
  ['complete', 'COMPLETE'],
  ['risk', 'RISK_ACCEPTED'],
  ['superseded', 'SUPERSEDED'],
];

/** Stale thresholds take a "for 30 days"/"since 1 Oct" phrase; the first other phrase is the window. */
function splitPeriods(periods: Period[], stale: boolean, now: Date): { staleDays?: number; when?: Period } {
  const threshold = stale ? periods.find((p) => 'days' in p || ('from' in p && !p.to)) : undefined;
  const when = periods.find((p) => p !== threshold);
  if (!threshold) return { when };
  const staleDays = 'days' in threshold ? threshold.days : daysSince((threshold as { from: string }).from, now);
  return { staleDays: staleDays > 0 ? staleDays : undefined, when };
}

function filterOf(cues: Cues, names: Names, periods: Period[], now: Date, completedEvent: boolean): ListFilter {
  const stale = cues.has('stale') || (cues.has('no') && cues.has('update'));
  const { staleDays, when } = splitPeriods(periods, stale, now);
  const rag = RAG_CUES.filter(([cue, rag]) => cues.has(cue) && !(completedEvent && rag === 'COMPLETE')).map(
    ([, rag]) => rag,
  );
  const status = [
    ...(cues.has('open') ? (['open'] as const) : []),
    ...(cues.has('awaiting') ? (['awaiting_verification'] as const) : []),
    // "Closed as risk accepted" names the outcome, not the verified status.
    ...(cues.has('closed') && !cues.has('risk', 'superseded') ? (['complete'] as const) : []),
  ];
  const overdue = cues.has('overdue') || cues.pair('past', hasCue('due')) !== undefined;
  const dueCue = cues.has('soon') || (cues.has('due') && !cues.pair('past', hasCue('due')));
  const owner = ownerOf(names, cues);
  const filter: ListFilter = {};
  if (rag.length) filter.rag = rag;
  if (status.length) filter.status = [...status];
  if (overdue) filter.overdue = true;
  if (stale) filter.stale = staleDays ? { days: staleDays } : {};
  if (owner) filter.owner = owner;
  // A time phrase alone ("... today") is not a question about due dates; beside a filter it is ("red this week").
  if (dueCue || (when && Object.keys(filter).length > 0)) filter.due = when ?? DEFAULT_DUE;
  return filter;
}

/** Plan and board scope, without undefined keys (queries compare structurally). */
function scope(names: Names): { plan?: string; board?: string } {
  return { ...(names.plan && { plan: names.plan }), ...(names.board && { board: names.board }) };
}

const HELP = /\b(?:what|how) (?:can|do|should) (?:you|i)\b(?! owe)/;

/** `mentioned`: the message's @mentions that Teams identified (core/query/mentions.ts). */
export function parseQuestion(
  text: string,
  lexicon: Lexicon | CompiledLexicon,
  now: Date,
  mentioned: readonly MentionedPerson[] = [],
): Query {
  const lx = compiledFor(lexicon);
  const { words: tokens, mentions } = tokenize(text);
  const names = readNames(tokens, mentions, lx, mentioned);
  const words: Word[] = names.rest.filter((t) => t !== 'the').map((t) => ({ text: t, sense: senseOf(t), used: false }));
  const future = words.some((w) => w.sense?.cue === 'due' || w.sense?.cue === 'soon');
  const periods = findPeriods(words, now, future ? 'future' : 'past');
  const cues = new Cues(words);
  const unknown: Query = { kind: 'unknown', suggestions: lx.examples };

  if (names.ambiguous) {
    const { plans, ref } = names.ambiguous;
    return { kind: 'unknown', suggestions: plans.slice(0, 3).map((p) => `status of ${p}-${ref}`) };
  }
  if (tokens.length === 0) return { kind: 'help' };
  if (cues.unrecognised > 2 && cues.unrecognised > cues.content + names.found) return unknown;

  const ref = refOf(names, cues);
  if (ref && cues.has('recommendation')) return { kind: 'recommendation', ...ref };
  if (ref) return { kind: 'item', ...ref, history: cues.has('history', 'update', 'changed') };

  const completedEvent = cues.has('complete', 'closed') && periods.length > 0 && !future;
  const filter = filterOf(cues, names, periods, now, completedEvent);
  const filtered = Object.keys(filter).length > 0;
  if (!filtered && !names.found && (cues.has('help') || HELP.test(tokens.join(' ')))) return { kind: 'help' };
  if (cues.has('behind', 'who')) return { kind: 'behind', ...scope(names) };

  const updatedIn = cues.has('update') && !filter.stale && periods.length > 0;
  if (cues.has('changed') || completedEvent || updatedIn) {
    return {
      kind: 'changes',
      event: completedEvent ? 'completed' : 'any',
      period: periods[0] ?? DEFAULT_CHANGES,
      ...scope(names),
      ...(filter.owner && { owner: filter.owner }),
    };
  }
  const list: Query = { kind: 'list', filter: { ...filter, ...scope(names) }, tagOwners: cues.has('tag') };
  if (filtered || cues.has('tag')) return list;
  if (cues.has('summary', 'status')) return { kind: 'summary', ...scope(names) };
  if (cues.has('plans')) return { kind: 'plans', ...(names.board && { board: names.board }) };
  if (cues.has('list', 'action', 'owe')) return list;
  if (names.plan || names.board) return { kind: 'summary', ...scope(names) };
  return unknown;
}
