/**
 * Shared by the owner-loop writes (update, extension, verification): who is acting, the fresh view of
 * an action, field errors for cards, and the guard that turns a lost optimistic-concurrency race into
 * "this changed since you opened it" instead of a silent overwrite.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { CoreContext } from '../context';
import type { Tx } from '../db/tx';
import { actionViewInclude, toActionView, type ActionRow, type ActionView } from './view';

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
  .transform((s) => s?.trim() || undefined)
  .pipe(z.string().max(NOTE_MAX, `Keep it under ${NOTE_MAX} characters`).optional());

export async function findActor(ctx: Pick<CoreContext, 'db' | 'timeZone'>, personId: string): Promise<Actor | null> {
  const p = await ctx.db.prisma.person.findUnique({ where: { id: personId }, select: { id: true, displayName: true, timeZone: true } });
  return p && { id: p.id, displayName: p.displayName, timeZone: p.timeZone ?? ctx.timeZone };
}

export async function loadView(ctx: CoreContext, actionId: string): Promise<ActionView | null> {
  const row = await ctx.db.prisma.action.findUnique({ where: { id: actionId }, include: actionViewInclude });
  return row && toActionView(row, ctx);
}

/**
 * The action's view as the transaction `tx` sees it (its own writes included), one relation per query,
 * one after another: Prisma runs an include's relations concurrently, which on a PostgreSQL
 * transaction's single connection overlaps queries (pg deprecates that and refuses it from pg 9).
 */
export async function loadViewIn(ctx: CoreContext, tx: Tx, actionId: string): Promise<ActionView | null> {
  const { plan, recommendation, owners, updates } = actionViewInclude;
  const action = await tx.action.findUnique({ where: { id: actionId }, include: { plan } });
  if (!action) return null;
  const row: ActionRow = {
    ...action,
    recommendation: await tx.recommendation.findUniqueOrThrow({ where: { id: action.recommendationId }, ...recommendation }),
    owners: await tx.actionOwner.findMany({ where: { actionId }, ...owners }),
    updates: await tx.update.findMany({ ...updates, where: { actionId, ...updates.where } }),
  };
  return toActionView(row, ctx);
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
