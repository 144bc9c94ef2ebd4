/** The update card's rules, as plain input/output. */
import { checkUpdateRules, updateFieldsSchema } from '../../../core/actions/update';

const TODAY = '2015-06-01';
const ON_TRACK = { rag: 'GREEN', overdue: false };
const rules = (raw: Record<string, unknown>, standing = ON_TRACK) => {
  const parsed = updateFieldsSchema.parse(raw);
  return checkUpdateRules(parsed, TODAY, standing);
};

describe('update rules', () => {
  it('needs a note when things get worse, for Complete and for a new date, but not to say it is as it was', () => {
    expect(rules({ status: 'GREEN' })).toEqual({});
    expect(rules({ status: 'AMBER' }).note).toBe('Add a note: it is needed for At risk (Amber)');
    expect(rules({ status: 'RED', note: '   ' }).note).toContain('Off track (Red)');
    expect(rules({ status: 'complete' }).note).toContain('Complete');
    expect(rules({ status: 'GREEN', newDueDate: '2015-07-01', dueReason: 'x' }).note).toContain('a new due date');
    expect(rules({ status: 'AMBER' }, { rag: 'AMBER', overdue: false })).toEqual({});
    expect(rules({ status: 'AMBER' }, { rag: 'RED', overdue: false })).toEqual({});
  });

  it('needs a note to call an overdue action on track or at risk, not to confirm it is off track', () => {
    const overdue = { rag: 'RED', overdue: true };
    expect(rules({ status: 'GREEN' }, overdue).note).toBe(
      'Add a note: it is needed for On track (Green) while it is overdue',
    );
    expect(rules({ status: 'AMBER' }, overdue).note).toContain('while it is overdue');
    expect(rules({ status: 'RED' }, overdue)).toEqual({});
  });

  it('says one thing per field: completing with a new date is only about the date', () => {
    expect(rules({ status: 'complete', note: 'done', newDueDate: '2015-07-01' })).toEqual({
      newDueDate: 'Leave the new date empty when completing',
    });
  });

  it('wants a future date with a reason, and no date when completing', () => {
    expect(rules({ status: 'GREEN', note: 'n', newDueDate: '2015-06-01', dueReason: 'r' }).newDueDate).toContain(
      'after today',
    );
    expect(rules({ status: 'GREEN', note: 'n', newDueDate: '2015-06-02' }).dueReason).toContain('why');
    expect(rules({ status: 'complete', note: 'n', newDueDate: '2015-06-02', dueReason: 'r' }).newDueDate).toContain(
      'completing',
    );
    expect(rules({ status: 'GREEN', note: 'n', dueReason: 'r' }).newDueDate).toContain('Pick the new date');
    expect(rules({ status: 'GREEN', note: 'n', newDueDate: '2015-06-02', dueReason: 'r' })).toEqual({});
  });

  it('rejects unknown statuses, impossible dates and overlong notes at the schema', () => {
    expect(updateFieldsSchema.safeParse({ status: 'PURPLE' }).success).toBe(false);
    expect(updateFieldsSchema.safeParse({ status: 'GREEN', newDueDate: '2015-02-30' }).success).toBe(false);
    expect(updateFieldsSchema.safeParse({ status: 'GREEN', note: 'x'.repeat(2001) }).success).toBe(false);
  });
});
