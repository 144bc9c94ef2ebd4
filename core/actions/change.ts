/**
 * Shared by the owner-loop writes (update, extension, verification): who is acting, the fresh view of
 * an action, field errors for cards, and the guard that turns a lost optimistic-concurrency race into
 * "this changed since you opened it" instead of a silent overwrite.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { CoreContext } from '../context';
import type { Tx } from '../db/tx';
import type { UpdateDetail } from '../history/entry';
import { actionViewInclude, toActionView, type ActionView } from './view';
import { viewsById } from './view-loader';
import { storableText } from '../text';

/** Messages to show next to card inputs, keyed by input id. */
export type FieldErrors = Record<string, string>;

export interface Actor {
  id: string;
  displayName: string;
  /** For "at 09:14" in their own time. */
  timeZone: string;
}

export const NOTE_MAX = 2000;

/** A card text input: blank means absent. */
export const optionalText = z
  .string()
  .optional()
  .transform((s) => (s && storableText(s).trim()) || undefined)
  .pipe(z.string().max(NOTE_MAX, `Keep it under ${NOTE_MAX} characters`).optional());

export async function findActor(ctx: Pick<CoreContext, 'db' | 'timeZone'>, personId: string): Promise<Actor | null> {
  const p = await ctx.db.prisma.person.findUnique({
    where: { id: personId },
    select: { id: true, displayName: true, timeZone: true },
  });
  return p && { id: p.id, displayName: p.displayName, timeZone: p.timeZone ?? ctx.timeZone };
}

/**
 * The action's view, through the store as every list's are. Inside a transaction pass `tx`, so it includes
 * the transaction's own writes: it is then read through Prisma, whose transaction the store cannot join.
 */
export async function loadView(ctx: CoreContext, actionId: string, tx?: Tx): Promise<ActionView | null> {
  if (!tx) return (await viewsById(ctx, [actionId]))[0] ?? null;
  const row = await tx.action.findUnique({ where: { id: actionId }, include: actionViewInclude });
  return row && toActionView(row, ctx);
}

/** Where a decision was taken, when not on a card: a board meeting's side panel marks its history rows. */
export interface DecisionOptions {
  meeting?: UpdateDetail['meeting'];
}

/** Thrown inside a transaction when the row moved on since the card was opened; rolls the write back. */
export class StaleVersion extends Error {}

/** Stable across retries of the same click: same person, action, version and answers. */
export function idempotencyKey(parts: unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 40);
}

/** Zod issues as one message per input (the first wins). */
export function fieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form');
    out[field] ??= issue.message;
  }
  return out;
}
