/**
 * The words questions are made of, each reduced to a cue. Every word listed here is "known": it is
 * matched exactly when looking for plan, board, post and people names, so "date" never becomes "data".
 */
import { MONTH_NAMES } from '../time';
import { WordIndex } from './fuzzy';

const CUES = {
  red: ['red', 'reds'],
  amber: ['amber', 'ambers', 'orange', 'yellow'],
  green: ['green', 'greens'],
  complete: ['complete', 'completed', 'completes', 'completion', 'done', 'finished'],
  closed: ['closed', 'verified', 'signed'],
  // "What was closed as risk accepted?", "what was superseded?"
  risk: ['risk', 'risks', 'accepted', 'acceptance', 'tolerated'],
  superseded: ['superseded', 'supersede', 'replaced', 'obsolete', 'applicable'],
  awaiting: ['awaiting', 'verification', 'verify', 'verifying', 'unverified', 'pending'],
  open: ['open', 'outstanding', 'unfinished', 'incomplete'],
  overdue: ['overdue', 'late', 'slipped', 'missed', 'lapsed'],
  due: ['due', 'deadline', 'deadlines', 'expiring'],
  soon: ['soon', 'upcoming'],
  stale: ['stale', 'dormant', 'quiet', 'silent', 'neglected'],
  update: ['update', 'updates', 'updated', 'updating'],
  no: ['no', 'not', 'without', 'never', 'nobody'],
  changed: ['changed', 'change', 'changes', 'new', 'happened', 'moved', 'progressed', 'news'],
  history: ['history', 'timeline', 'log', 'trail'],
  recommendation: ['recommendation', 'recommendations', 'rec', 'recs'],
  action: ['action', 'actions', 'item', 'items', 'task', 'tasks', 'thing', 'things'],
  summary: [
    'summary',
    'summarise',
    'summarize',
    'overview',
    'progress',
    'doing',
    'going',
    'dashboard',
    'report',
    'rag',
  ],
  status: ['status', 'state', 'position'],
  plans: ['plans'],
  help: ['help', 'commands', 'usage', 'instructions', 'hello', 'hi', 'hey'],
  behind: ['behind', 'lagging', 'worst', 'slowest', 'league', 'ranking'],
  who: ['who', 'whom', 'whose', 'whos'],
  tag: ['tag', 'mention', 'ping', 'notify', 'nudge', 'chase'],
  me: ['my', 'mine', 'me', 'myself'],
  i: ['i'],
  // "what do I owe": the words before "I" that make it about the asker.
  auxiliary: ['do', 'does', 'did', 'have', 'has', 'should', 'must', 'am'],
  owe: ['owe', 'owes', 'owed', 'own', 'owns', 'assigned', 'responsible', 'allocated'],
  list: ['list', 'show', 'display', 'find', 'anything', 'everything', 'all', 'any', 'every'],
  // Time.
  today: ['today'],
  yesterday: ['yesterday'],
  tomorrow: ['tomorrow'],
  this: ['this', 'current'],
  next: ['next', 'coming'],
  last: ['last', 'previous'],
  past: ['past'],
  end: ['end'],
  since: ['since'],
  after: ['after', 'from'],
  before: ['before', 'by', 'until', 'till'],
  in: ['in', 'during', 'within', 'over', 'for'],
  on: ['on'],
  filler: [
    'what',
    'whats',
    'which',
    'an',
    'is',
    'are',
    'was',
    'were',
    'be',
    'been',
    'being',
    'the',
    'of',
    'to',
    'and',
    'or',
    'with',
    'at',
    'we',
    'our',
    'us',
    'you',
    'your',
    'can',
    'could',
    'would',
    'will',
    'please',
    'there',
    'that',
    'those',
    'these',
    'it',
    'its',
    'they',
    'them',
    'their',
    'how',
    'many',
    'much',
    'tell',
    'give',
    'get',
    'about',
    'still',
    'currently',
    'now',
    'right',
    'some',
    'got',
    'yet',
    'up',
    'let',
    'know',
    'see',
    'need',
    'needs',
    'look',
    'looking',
    'where',
    'when',
    'why',
    'owner',
    'owners',
    'people',
    'everyone',
    'chaser',
    'bot',
    'ok',
    'okay',
    'thanks',
    'thank',
    'so',
    'far',
    'date',
    'dates',
    'whole',
    'entire',
    'as',
    'if',
    'than',
    'more',
    'most',
    'count',
    'total',
    'also',
    'too',
    'just',
    'only',
    'ones',
    'out',
    'board',
    'boards',
    'plan',
    'organisation',
    'force',
    'team',
    'overall',
    'like',
    'looks',
    'nothing',
    'having',
    'via',
    'per',
    'under',
    'against',
    'into',
    'off',
    'mean',
  ],
} as const;

export type Cue = keyof typeof CUES | 'month' | 'weekday' | 'number' | 'unit';

/** `n`: month 0-11, ISO weekday 1-7, a number, or the days in a unit. */
export interface Sense {
  cue: Cue;
  n?: number;
}

const MONTHS: readonly string[] = MONTH_NAMES;
const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const NUMBERS = [
  'a',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
];
const UNITS: [string, number][] = [
  ['day', 1],
  ['days', 1],
  ['week', 7],
  ['weeks', 7],
  ['wk', 7],
  ['wks', 7],
  ['fortnight', 14],
  ['fortnights', 14],
  ['month', 30],
  ['months', 30],
];

const senses = new Map<string, Sense>();
for (const [cue, words] of Object.entries(CUES) as [Cue, readonly string[]][]) {
  for (const w of words) senses.set(w, { cue });
}
MONTHS.forEach((m, i) => {
  senses.set(m, { cue: 'month', n: i });
  senses.set(m.slice(0, 3), { cue: 'month', n: i });
});
senses.set('sept', { cue: 'month', n: 8 });
WEEKDAYS.forEach((d, i) => {
  senses.set(d, { cue: 'weekday', n: i + 1 });
  senses.set(d.slice(0, 3), { cue: 'weekday', n: i + 1 });
});
// "a"/"one" only count as numbers before a unit ("in a week"); the time parser checks that.
for (const [i, w] of NUMBERS.entries()) senses.set(w, { cue: 'number', n: Math.max(i, 1) });
for (const [w, n] of UNITS) senses.set(w, { cue: 'unit', n });

/** Typos are forgiven only for words long enough that a slip cannot land on another word. */
const forgiving = new WordIndex([...senses].filter(([w]) => w.length >= 4));

const DIGITS = /^\d+$/;

/** The sense of one token: exact, then within a small edit distance; plain digits are numbers. */
export function senseOf(token: string): Sense | undefined {
  const exact = senses.get(token);
  if (exact) return exact;
  if (DIGITS.test(token)) return { cue: 'number', n: Number(token) };
  if (token.length < 4 || /\d/.test(token)) return undefined;
  return forgiving.closest(token);
}

/** Whether the token is (exactly) question vocabulary rather than a possible name. */
export function isKnownWord(token: string): boolean {
  return senses.has(token) || DIGITS.test(token);
}

/** Words that cannot begin or end a name ("head of" is not a post). */
export const STOPWORDS: ReadonlySet<string> = new Set([
  'of',
  'the',
  'and',
  'for',
  'in',
  'on',
  'a',
  'an',
  'to',
  'at',
  'by',
  'with',
  'or',
]);

/** Words that cannot carry a name match on their own. */
export const WEAK_WORDS: ReadonlySet<string> = new Set(senses.keys());
