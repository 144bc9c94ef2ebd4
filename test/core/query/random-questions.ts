/** Random questions for the parser's fuzz test and benchmark: character soup and word salad with typos. */
import { LEXICON } from './lexicon.fixture';
import { prng } from '../../helpers/prng';

export { prng };

// split('') keeps lone surrogate halves: malformed text must not throw either.
const CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -./:'’?!,&;<>@#éß漢😀\t\n".split('');
const VOCABULARY = [
  ...'what whats what’s is are red amber green complete overdue late due stale no update updates for days weeks'.split(
    ' ',
  ),
  ...'this next last past week month today since in on by before the of and or tag owners my me I do owe help'.split(
    ' ',
  ),
  ...'history status recommendation action actions summary plans who behind changed completed show list'.split(' '),
  ...'1 7 14 30 3.2 12a 1st Nov November October Friday 2024 2024-11-01 01/11/2024 - ? , <at>Chaser</at>'.split(' '),
  '<at>Alex Wilber</at>',
  '<at>',
  '</at>',
  'BTP-7',
  'BTP',
  'BTP-CDI',
  'NCRS',
  'MPS-BA',
  'ICB',
  'SEB',
  'DCC',
  'FCR',
  ...LEXICON.posts,
  ...LEXICON.plans.map((p) => p.title),
  ...LEXICON.boards.map((b) => b.name),
  ...LEXICON.people.map((p) => p.displayName),
];

export function randomText(next: () => number): string {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)];
  const kind = next();
  if (kind < 0.3) return Array.from({ length: Math.floor(next() * 120) }, () => pick(CHARS)).join('');
  const words = Array.from({ length: 1 + Math.floor(next() * (kind < 0.9 ? 10 : 80)) }, () => pick(VOCABULARY));
  // Typos: drop, double or swap a character in some words.
  return words
    .map((w) => (next() < 0.2 && w.length > 3 ? w.slice(0, 1) + w.slice(2) + w[1] : w))
    .join(next() < 0.5 ? ' ' : pick([' ', ', ', '-', '']));
}
