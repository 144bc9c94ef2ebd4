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
  // One scan per table for both its count and latest change (as separate subqueries, two scans of
  // Person and Plan: ~0.35 ms more a question on PostgreSQL at 50,000 actions).
  // Through the store (ARCHITECTURE "Reads"): Prisma's own work was half this read's time.
  const { store } = db;
  const row = await store
    .selectFrom([
      store.selectFrom('Plan').select((eb) => [eb.fn.countAll().as('plans'), eb.fn.max('updatedAt').as('planAt')]).as('pl'),
      store.selectFrom('Board').select((eb) => [eb.fn.countAll().as('boards'), eb.fn.max('updatedAt').as('boardAt')]).as('b'),
      store.selectFrom('Person').select((eb) => [eb.fn.countAll().as('people'), eb.fn.max('updatedAt').as('personAt')]).as('pe'),
      store.selectFrom('Post').select((eb) => eb.fn.countAll().as('posts')).as('po'),
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

/**
 * Runs `use` (which must only read) with the cached lexicon while the fingerprint is checked, so a
 * question pays no round trip for it. In the rare case the names changed meanwhile, what `use` made
 * with the old lexicon is dropped, and it runs again with the rebuilt one.
 */
export async function withLexicon<T>(ctx: Pick<CoreContext, 'db'>, use: (lexicon: CompiledLexicon) => Promise<T>): Promise<T> {
  const hit = cache.get(ctx.db);
  if (!hit) return use(await loadLexicon(ctx));
  const [print, early] = await Promise.all([fingerprint(ctx.db), settle(use(hit.lexicon))]);
  if (print !== hit.fingerprint) return use(await rebuild(ctx, print));
  if ('error' in early) throw early.error;
  return early.value;
}

const settle = <T>(p: Promise<T>): Promise<{ value: T } | { error: unknown }> => p.then((value) => ({ value }), (error: unknown) => ({ error }));

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
