/**
 * The parser's lexicon, read from the database and compiled once. Rebuilt when plans, boards, posts or
 * people change, detected by a fingerprint of their counts and latest updatedAt (indexed aggregates in
 * one round trip, asked on every question: far cheaper than reading every name). Posts have no
 * updatedAt; names are unique and only ever added, so their count is enough.
 */
import type { CoreContext } from '../context';
import type { Db } from '../db/client';
import { compileLexicon, type CompiledLexicon } from './lexicon';

const cache = new WeakMap<Db, { fingerprint: string; lexicon: CompiledLexicon }>();

async function fingerprint(db: Db): Promise<string> {
  // One scan per table gives both its count and its latest change.
  const { store } = db;
  const row = await store
    .selectFrom([
      store
        .selectFrom('Plan')
        .select((eb) => [eb.fn.countAll().as('plans'), eb.fn.max('updatedAt').as('planAt')])
        .as('pl'),
      store
        .selectFrom('Board')
        .select((eb) => [eb.fn.countAll().as('boards'), eb.fn.max('updatedAt').as('boardAt')])
        .as('b'),
      store
        .selectFrom('Person')
        .select((eb) => [eb.fn.countAll().as('people'), eb.fn.max('updatedAt').as('personAt')])
        .as('pe'),
      store
        .selectFrom('Post')
        .select((eb) => eb.fn.countAll().as('posts'))
        .as('po'),
    ])
    .selectAll()
    .executeTakeFirstOrThrow();
  return JSON.stringify(row, (_k, v) => (typeof v === 'bigint' ? Number(v) : v));
}

export async function loadLexicon(ctx: Pick<CoreContext, 'db'>): Promise<CompiledLexicon> {
  const print = await fingerprint(ctx.db);
  const hit = cache.get(ctx.db);
  return hit?.fingerprint === print ? hit.lexicon : rebuild(ctx, print);
}

async function rebuild(ctx: Pick<CoreContext, 'db'>, print: string): Promise<CompiledLexicon> {
  const p = ctx.db.prisma;
  const [plans, boards, posts, people] = await Promise.all([
    p.plan.findMany({ select: { key: true, title: true }, orderBy: { key: 'asc' } }),
    p.board.findMany({ select: { key: true, name: true }, orderBy: { key: 'asc' } }),
    p.post.findMany({ select: { name: true }, orderBy: { name: 'asc' } }),
    p.person.findMany({ select: { id: true, displayName: true }, orderBy: { displayName: 'asc' } }),
  ]);
  const lexicon = compileLexicon({ plans, boards, posts: posts.map((x) => x.name), people });
  cache.set(ctx.db, { fingerprint: print, lexicon });
  return lexicon;
}
