/**
 * Plans in layouts the seeds do not use: continental CSV, a paste from Excel with multi-line cells, plans
 * in other scripts, revised dates, finished work in the words plans use, and a file with no actions.
 */
import { parsePlan } from '../../../core/import/parse-plan';

const actionsOf = (text: string, file = 'plan.csv') => parsePlan(Buffer.from(text), file).recommendations.flatMap((r) => r.actions);
const iso = (d: Date | null | undefined) => d?.toISOString().slice(0, 10) ?? null;

it('reads a semicolon CSV from a continental Excel, with revised dates, a completion date and priorities', () => {
  const csv = [
    'Ref;Recommendation;Agreed action;Lead agency;Lead officer;Priority;Original target date;Revised target date;Date completed;Status',
    '1;Improve data quality;Audit crime records monthly;Home Office;Head of Crime Registry;High;31/03/2024;30/09/2024;;Amber',
    '2;Train staff;Deliver NCRS training;College of Policing;Training Manager & Deputy;Low;30/06/2024;;14/05/2024;Implemented',
    '3;Review policy;Rewrite the policy;Home Office;Head of Policy;Medium;Mar-25;;;Closed – risk accepted',
  ].join('\r\n');
  const [a1, a2, a3] = actionsOf(csv);
  expect(a1).toMatchObject({ ref: '1', text: 'Audit crime records monthly', owners: [{ post: 'Head of Crime Registry' }], priority: 'high', status: 'open', reportedRag: 'AMBER' });
  expect([iso(a1.due.date), iso(a1.originalDue?.date)]).toEqual(['2024-09-30', '2024-03-31']);
  expect(a2).toMatchObject({ status: 'awaiting_verification', priority: 'low' });
  expect(iso(a2.completedAt)).toBe('2024-05-14');
  expect(a3).toMatchObject({ status: 'closed', outcome: 'risk_accepted', priority: 'medium' });
});

it('keeps a pasted Excel range whole: quoted cells with line breaks stay one cell, with their update log', () => {
  const paste = [
    'Ref\tAction\tOwner\tDue date\tLatest update',
    '1\tPublish guidance\tHead of SDD\t31/03/2025\t"12/01/2025 Draft circulated',
    '03/02/2025 Comments back from legal"',
    '2\tTrain call handlers\tFCR Manager\t30/06/2025\tNot started',
  ].join('\n');
  const actions = actionsOf(paste, 'paste.txt');
  expect(actions.map((a) => a.ref)).toEqual(['1', '2']);
  expect(actions[0].updates.map((u) => [iso(u.at), u.text])).toEqual([
    ['2025-01-12', 'Draft circulated'],
    ['2025-02-03', 'Comments back from legal'],
  ]);
});

it('imports actions written in any script or as short as "x", with their owners and dates', () => {
  const csv = ['Ref,Action,Owner,Due date', '1,Провести аудит записей,Начальник отдела,31/03/2025', '2,审查政策,政策主管,30/06/2025', '3,x,Head of Audit,01/07/2025'].join('\n');
  const actions = actionsOf(csv);
  expect(actions.map((a) => [a.text, a.owners[0]?.post, iso(a.due.date)])).toEqual([
    ['Провести аудит записей', 'Начальник отдела', '2025-03-31'],
    ['审查政策', '政策主管', '2025-06-30'],
    ['x', 'Head of Audit', '2025-07-01'],
  ]);
});

it('reads "March 2025 (revised from Dec 2024)" as the due date, keeping the date first promised', () => {
  const [a] = actionsOf(['Ref,Action,Owner,By when', '1,Publish the plan,Head of SDD,March 2025 (revised from Dec 2024)'].join('\n'));
  expect([iso(a.due.date), iso(a.originalDue?.date)]).toEqual(['2025-03-31', '2024-12-31']);
});

it('refuses a file with a header and no actions, saying what it read', () => {
  const plan = parsePlan(Buffer.from('Ref,Action,Owner,Due date\n,,,\n'), 'empty.csv');
  expect(plan.problems).toContainEqual(
    expect.objectContaining({ severity: 'error', message: 'the plan table has no actions: 1 non-empty rows read, none below the header names an action' }),
  );
});
