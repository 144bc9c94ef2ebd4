/** The update card's rules, as plain input/output. */
import { checkUpdateRules, updateFieldsSchema } from '../../../core/actions/update';

const TODAY = '2015-06-01';
const rules = (raw: Record<string, unknown>) => {
  const parsed = updateFieldsSchema.parse(raw);
  return checkUpdateRules(parsed, TODAY);
};

describe('update rules', () => {
  it('needs a note for Amber, Red, Complete and a new date, but not for On track', () => {
    expect(rules({ status: 'GREEN' })).toEqual({});
    expect(rules({ status: 'AMBER' }).note).toContain('At risk');
    expect(rules({ status: 'RED', note: '   ' }).note).toContain('Off track');
    expect(rules({ status: 'complete' }).note).toContain('Complete');
    expect(rules({ status: 'GREEN', newDueDate: '2015-07-01', dueReason: 'x' }).note).toContain('a new due date');
  });

  it('wants a future date with a reason, and no date when completing', () => {
    expect(rules({ status: 'GREEN', note: 'n', newDueDate: '2015-06-01', dueReason: 'r' }).newDueDate).toContain('after today');
    expect(rules({ status: 'GREEN', note: 'n', newDueDate: '2015-06-02' }).dueReason).toContain('why');
    expect(rules({ status: 'complete', note: 'n', newDueDate: '2015-06-02', dueReason: 'r' }).newDueDate).toContain('completing');
    expect(rules({ status: 'GREEN', note: 'n', dueReason: 'r' }).newDueDate).toContain('Pick the new date');
    expect(rules({ status: 'GREEN', note: 'n', newDueDate: '2015-06-02', dueReason: 'r' })).toEqual({});
  });

  it('rejects unknown statuses, impossible dates and overlong notes at the schema', () => {
    expect(updateFieldsSchema.safeParse({ status: 'PURPLE' }).success).toBe(false);
    expect(updateFieldsSchema.safeParse({ status: 'GREEN', newDueDate: '2015-02-30' }).success).toBe(false);
    expect(updateFieldsSchema.safeParse({ status: 'GREEN', note: 'x'.repeat(2001) }).success).toBe(false);
  });
});
