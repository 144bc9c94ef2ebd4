/**
 * An action filter written for Prisma (core/query/list.ts, rag-where.ts, scope.ts), as a store condition
 * on "Action" aliased `a`, for the reads that go through the store (ARCHITECTURE "Reads"). Filters stay
 * defined once, in Prisma's terms; this writes the SQL Prisma would for the part of its language they
 * use, and throws on anything else, so a new kind of filter fails its tests instead of being misread.
 * test/core/query/where-sql.test.ts holds random filters of every kind a question makes to what Prisma
 * selects, on both databases.
 */
import { sql, type RawBuilder, type SqlBool } from '../store';
import type { Prisma } from '../db/client';

type Where = Record<string, unknown>;
type Condition = RawBuilder<SqlBool>;

/** Relations a filter may follow with `some`: the related table and its column holding the action's id. */
const RELATIONS: Record<string, { table: string; actionId: string }> = {
  owners: { table: 'ActionOwner', actionId: 'actionId' },
};

const COMPARISONS = { lt: '<', lte: '<=', gt: '>', gte: '>=' } as const;

/** The filter as a condition on the action `a`, its values bound as parameters. */
export function actionWhere(where: Prisma.ActionWhereInput): Condition {
  return conditionOf(where as Where, 'a');
}

function conditionOf(where: Where, alias: string): Condition {
  const parts: Condition[] = [];
  for (const [key, value] of Object.entries(where)) {
    if (value === undefined) continue;
    if (key === 'AND') parts.push(all((Array.isArray(value) ? value : [value]).map((w: Where) => conditionOf(w, alias))));
    else if (key === 'OR') parts.push(any((value as Where[]).map((w) => conditionOf(w, alias))));
    else if (key in RELATIONS && alias === 'a') parts.push(someOf(key, value as Where));
    else parts.push(fieldCondition(sql.ref(`${alias}.${key}`), value));
  }
  return all(parts);
}

function someOf(relation: string, filter: Where): Condition {
  const { some, ...rest } = filter;
  if (Object.keys(rest).length || !some) throw new Error(`where-sql: only "some" is supported on ${relation}`);
  const { table, actionId } = RELATIONS[relation];
  return sql`EXISTS (SELECT 1 FROM ${sql.table(table)} r WHERE ${sql.ref(`r.${actionId}`)} = a."id" AND ${conditionOf(some as Where, 'r')})`;
}

function fieldCondition(column: RawBuilder<unknown>, value: unknown): Condition {
  if (value === null) return sql`${column} IS NULL`;
  if (!isFilter(value)) return sql`${column} = ${plain(value)}`;
  const parts: Condition[] = [];
  for (const [op, operand] of Object.entries(value)) {
    if (operand === undefined) continue;
    if (op === 'equals') parts.push(fieldCondition(column, operand));
    else if (op === 'not' && operand === null) parts.push(sql`${column} IS NOT NULL`);
    else if (op === 'in') parts.push(listCondition(column, 'IN', operand as unknown[]));
    else if (op === 'notIn') parts.push(listCondition(column, 'NOT IN', operand as unknown[]));
    else if (op in COMPARISONS) parts.push(sql`${column} ${sql.raw(COMPARISONS[op as keyof typeof COMPARISONS])} ${plain(operand)}`);
    else throw new Error(`where-sql: "${op}" is not supported`);
  }
  return all(parts);
}

/** An empty list matches nothing (IN) or everything (NOT IN), as in Prisma; SQL has no empty list. */
function listCondition(column: RawBuilder<unknown>, op: 'IN' | 'NOT IN', values: unknown[]): Condition {
  if (values.length === 0) return op === 'IN' ? sql`1 = 0` : sql`1 = 1`;
  return sql`${column} ${sql.raw(op)} (${sql.join(values.map(plain))})`;
}

/** A value is a field's filter object unless it is a plain value (text, number, boolean, Date). */
const isFilter = (value: unknown): value is Where => typeof value === 'object' && value !== null && !(value instanceof Date);

function plain(value: unknown): unknown {
  if (isFilter(value)) throw new Error('where-sql: only plain values can be compared');
  return value;
}

const all = (parts: Condition[]): Condition =>
  parts.length === 0 ? sql`1 = 1` : parts.length === 1 ? parts[0] : sql`${sql.join(parts.map((p) => sql`(${p})`), sql` AND `)}`;
const any = (parts: Condition[]): Condition =>
  parts.length === 0 ? sql`1 = 0` : parts.length === 1 ? parts[0] : sql`${sql.join(parts.map((p) => sql`(${p})`), sql` OR `)}`;
