/**
 * Indexes the database's names once, so parsing a question never rebuilds them. The bot may cache
 * the compiled lexicon until plans, boards, posts or people change.
 */
import { type Alias, PhraseIndex } from './fuzzy';
import { tokenize } from './tokens';
import type { Lexicon } from './types';
import { STOPWORDS, WEAK_WORDS } from './vocabulary';

export type Entity =
  | { type: 'plan'; key: string }
  | { type: 'board'; key: string }
  | { type: 'post'; post: string }
  | { type: 'person'; id: string };

export interface CompiledLexicon {
  readonly lexicon: Lexicon;
  readonly names: PhraseIndex<Entity>;
  /** Three questions that work against this lexicon, offered when one does not. */
  readonly examples: string[];
}

const words = (text: string) => tokenize(text).words;

/** "Deputy Chief Constable" -> "dcc"; "Head of Contact Management" -> "hcm" and "hocm". */
function initialisms(name: string): string[] {
  const all = words(name);
  if (all.length < 2 || all.some((w) => !/^\p{L}+$/u.test(w))) return [];
  const content = all
    .filter((w) => !STOPWORDS.has(w))
    .map((w) => w[0])
    .join('');
  const every = all.map((w) => w[0]).join('');
  return [...new Set([content, every])].filter((i) => i.length >= 3);
}

function aliasesOf(value: Entity, keyOrName: string, name?: string): Alias<Entity>[] {
  const aliases: Alias<Entity>[] = [{ tokens: words(keyOrName), value, partial: true, exact: name !== undefined }];
  if (name !== undefined) aliases.push({ tokens: words(name), value, partial: true, exact: false });
  for (const i of initialisms(name ?? keyOrName)) aliases.push({ tokens: [i], value, partial: false, exact: true });
  return aliases.filter((a) => a.tokens.length > 0);
}

export function compileLexicon(lexicon: Lexicon): CompiledLexicon {
  const aliases = [
    ...lexicon.plans.flatMap((p) => aliasesOf({ type: 'plan', key: p.key }, p.key, p.title)),
    ...lexicon.boards.flatMap((b) => aliasesOf({ type: 'board', key: b.key }, b.key, b.name)),
    ...lexicon.posts.flatMap((post) => aliasesOf({ type: 'post', post }, post)),
    ...lexicon.people.flatMap((p) => aliasesOf({ type: 'person', id: p.id }, p.displayName)),
  ];
  const plan = lexicon.plans[0]?.key;
  const post = lexicon.posts[0];
  return {
    lexicon,
    names: new PhraseIndex(aliases, WEAK_WORDS, STOPWORDS),
    examples: [
      "what's overdue?",
      plan ? `how are we doing on ${plan}?` : 'list plans',
      post ? `red actions for the ${post}` : 'my actions',
    ],
  };
}

const compiled = new WeakMap<Lexicon, CompiledLexicon>();

/** Compiles on first sight of a lexicon object; callers should treat a lexicon as immutable. */
export function compiledFor(lexicon: Lexicon | CompiledLexicon): CompiledLexicon {
  if ('names' in lexicon) return lexicon;
  let entry = compiled.get(lexicon);
  if (!entry) compiled.set(lexicon, (entry = compileLexicon(lexicon)));
  return entry;
}
