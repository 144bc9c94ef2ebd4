/**
 * The AI layer's actions: each becomes a Query only through the parser's zod schemas, and the tool
 * descriptions the model sees (actions.json) name the same actions and the same vocabulary.
 */
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { QUESTION_ACTIONS, queryFromAction } from '../../bot/ai/actions';
import { ACTION_STATUSES, RAGS } from '../../core/domain';
import { CALENDAR_RANGES } from '../../core/query';

describe('queryFromAction', () => {
  it.each([
    [
      'list',
      { rag: ['RED'], plan: 'BTP-CDI' },
      { kind: 'list', filter: { rag: ['RED'], plan: 'BTP-CDI' }, tagOwners: false },
    ],
    [
      'list',
      { overdue: true, owner: { post: 'Deputy Chief Constable' }, tagOwners: true },
      { kind: 'list', filter: { overdue: true, owner: { post: 'Deputy Chief Constable' } }, tagOwners: true },
    ],
    ['list', undefined, { kind: 'list', filter: {}, tagOwners: false }],
    [
      'list',
      { owner: { any: [{ post: 'FCR' }, { me: true }] } },
      { kind: 'list', filter: { owner: { any: [{ post: 'FCR' }, { me: true }] } }, tagOwners: false },
    ],
    ['item', { plan: 'BTP-CDI', ref: '7' }, { kind: 'item', plan: 'BTP-CDI', ref: '7', history: false }],
    ['item', { ref: '7', history: true }, { kind: 'item', ref: '7', history: true }],
    ['recommendation', { plan: 'NCRS', ref: '3' }, { kind: 'recommendation', plan: 'NCRS', ref: '3' }],
    ['behind', { board: 'ICB' }, { kind: 'behind', board: 'ICB' }],
    ['summary', {}, { kind: 'summary' }],
    ['plans', {}, { kind: 'plans' }],
    ['changes', { period: { range: 'this-week' } }, { kind: 'changes', event: 'any', period: { range: 'this-week' } }],
    [
      'changes',
      { event: 'completed', period: { from: '2024-10-01', to: '2024-10-31' } },
      { kind: 'changes', event: 'completed', period: { from: '2024-10-01', to: '2024-10-31' } },
    ],
    ['help', {}, { kind: 'help' }],
  ] as const)('%s %j → %j', (action, parameters, query) => {
    expect(queryFromAction(action, parameters)).toEqual(query);
  });

  it.each([
    ['list', { rag: 'RED' }],
    ['list', { rag: [] }],
    ['list', { overdue: false }],
    ['list', { owner: { name: 'Alex' } }],
    ['list', { kind: 'unknown', suggestions: ['hi'] }],
    ['item', { plan: 'BTP-CDI' }],
    ['changes', { period: { days: -3 } }],
    ['changes', { period: { from: '1 Nov' } }],
    ['plans', { plan: 'BTP-CDI' }],
    ['help', 'please'],
  ] as const)('refuses %s %j', (action, parameters) => {
    expect(queryFromAction(action, parameters)).toBeUndefined();
  });
});

describe('the tools the model sees', () => {
  const actions = JSON.parse(readFileSync(path.join(__dirname, '../../bot/ai/prompts/questions/actions.json'), 'utf8'));
  /** Every enum in a JSON schema, by the property it belongs to. */
  const enums = (schema: unknown, key = ''): [string, unknown[]][] =>
    schema && typeof schema === 'object'
      ? Object.entries(schema).flatMap(([k, v]) =>
          k === 'enum' ? [[key, v as unknown[]] as [string, unknown[]]] : enums(v, k === 'items' ? key : k),
        )
      : [];

  it('are exactly the query actions', () => {
    expect(actions.map((a: any) => a.name)).toEqual([...QUESTION_ACTIONS]);
  });

  it("use the domain's RAG values, statuses and calendar ranges", () => {
    const of = (key: string) => enums(actions).flatMap(([k, values]) => (k === key ? [values] : []));
    expect(of('rag')).toEqual([[...RAGS]]);
    expect(of('status')).toEqual([[...ACTION_STATUSES]]);
    // Due dates and changes both take a period.
    expect(of('range')).toEqual([[...CALENDAR_RANGES], [...CALENDAR_RANGES]]);
  });
});
