/**
 * An action filter written for Prisma (core/query/list.ts, rag-where.ts, scope.ts), as SQL on "Action"
 * aliased `a`, for the reads that go past Prisma (ARCHITECTURE "Reads go through Prisma"). Filters stay
 * defined once, in Prisma's terms; this writes the SQL Prisma would for the part of its language they
 * use, and throws on anything else, so a new kind of filter fails its tests instead of being misread.
 * test/core/query/where-sql.test.ts holds random filters of every kind a question makes to what Prisma
 * selects, on both databases.
 */
import type { Prisma } from '../db/client';

type Where = Record<string, unknown>;

/** Relations a filter may follow with `some`: the related table and its column holding the action's id. */
const RELATIONS: Record<string, { table: string; actionId: string }> = {
  owners: { table: 'ActionOwner', actionId: 'actionId' },
};

const COMPARISONS = { lt: '<', lte: '<=', gt: '>', gte: '>=' } as const;

/**
 * The filter as a SQL condition. Its values are appended to `args` and referred to as `$n`, so a caller
 * can bind its own values first.
 */
export function actionWhereSql(where: Prisma.ActionWhereInput, args: unknown[]): string {
  return conditionOf(where as Where, 'a', args);
}

function conditionOf(where: Where, alias: string, args: unknown[]): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(where)) {
    if (value === undefined) continue;
    if (key === 'AND') parts.push(all((Array.isArray(value) ? value : [value]).map((w: Where) => conditionOf(w, alias, args))));
    else if (key === 'OR') parts.push(any((value as Where[]).map((w) => conditionOf(w, alias, args))));
    else if (key in RELATIONS && alias === 'a') parts.push(someOf(key, value as Where, args));
    else parts.push(fieldCondition(`${alias}."${key}"`, value, args));
  }
  return all(parts);
}

function someOf(relation: string, filter: Where, args: unknown[]): string {
  const { some, ...rest } = filter;
  if (Object.keys(rest).length || !some) throw new Error(`where-sql: only "some" is supported on ${relation}`);
  const { table, actionId } = RELATIONS[relation];
  return `EXISTS (SELECT 1 FROM "${table}" r WHERE r."${actionId}" = a."id" AND ${conditionOf(some as Where, 'r', args)})`;
}

function fieldCondition(column: string, value: unknown, args: unknown[]): string {
  if (value === null) return `${column} IS NULL`;
  if (!isFilter(value)) return `${column} = ${bind(value, args)}`;
  const parts: string[] = [];
  for (const [op, operand] of Object.entries(value)) {
    if (operand === undefined) continue;
    if (op === 'equals') parts.push(fieldCondition(column, operand, args));
    else if (op === 'not' && operand === null) parts.push(`${column} IS NOT NULL`);
    else if (op === 'in') parts.push(listCondition(column, 'IN', operand as unknown[], args));
    else if (op === 'notIn') parts.push(listCondition(column, 'NOT IN', operand as unknown[], args));
    else if (op in COMPARISONS) parts.push(`${column} ${COMPARISONS[op as keyof typeof COMPARISONS]} ${bind(operand, args)}`);
    else throw new Error(`where-sql: "${op}" is not supported`);
  }
  return all(parts);
}

/** An empty list matches nothing (IN) or everything (NOT IN), as in Prisma; SQL has no empty list. */
function listCondition(column: string, op: 'IN' | 'NOT IN', values: unknown[], args: unknown[]): string {
  if (values.length === 0) return op === 'IN' ? '1 = 0' : '1 = 1';
  return `${column} ${op} (${values.map((v) => bind(v, args)).join(', ')})`;
}

/** A value is a field's filter object unless it is a plain value (text, number, boolean, Date). */
const isFilter = (value: unknown): value is Where => typeof value === 'object' && value !== null && !(value instanceof Date);

function bind(value: unknown, args: unknown[]): string {
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) throw new Error('where-sql: only plain values can be compared');
  args.push(value);
  return `$${args.length}`;
}

const all = (parts: string[]) => (parts.length === 0 ? '1 = 1' : parts.length === 1 ? parts[0] : parts.map((p) => `(${p})`).join(' AND '));
const any = (parts: string[]) => (parts.length === 0 ? '1 = 0' : parts.length === 1 ? parts[0] : parts.map((p) => `(${p})`).join(' OR '));
