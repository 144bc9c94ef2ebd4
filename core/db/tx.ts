/** A Prisma client or an interactive transaction: core writes take either, so callers choose the transaction. */
import type { PrismaClient } from './client';

export type Tx = Omit<PrismaClient, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'>;

/** Prisma's error code for a unique constraint violation. */
export function isUniqueViolation(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: string }).code === 'P2002';
}
