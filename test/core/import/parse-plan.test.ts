import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parsePlan, parsePlanFile } from '../../../core/import/parse-plan';
import type { ParsedPlan } from '../../../core/import/types';

const fixture = (name: string) => readFileSync(path.join(__dirname, '../../fixtures/import', name));
const actions = (p: ParsedPlan) => p.recommendations.flatMap((r) => r.actions);
const counts = (p: ParsedPlan) => ({
  recommendations: p.recommendations.length,
  actions: actions(p).length,
  owners: actions(p).reduce((n, a) => n + a.owners.length, 0),
  datedUpdates: actions(p).reduce((n, a) => n + a.updates.filter((u) => u.at).length, 0),
  updates: actions(p).reduce((n, a) => n + a.updates.length, 0),
});
const d = (y: number, m: number, day: number) => new Date(Date.UTC(y, m - 1, day));

describe('seed plans import with the counts read off the files', () => {
  test('Audit Commission NCRS action plan, 2003', () => {
    const plan = parsePlan(fixture('audit-commission-ncrs-action-plan-2003.txt'), 'ncrs.txt');
    // Recommendations: rows with text in "Audit Commission Issue" — 2 crime data, 3 accountability,
    // 1 policy, 0 resources ("No issues identified"), 1 training, 2 systems, 4 processes, 1 auditing,
    // 1 quality of service (its text runs over the rows of actions 45-47), 4 police authority = 19.
    // Actions: numbered 1-51 (9 lost its number). No owner column. No comment is a dated log;
    // actions 16, 17 and 47 have no comment, so 51 - 3 = 48 undated updates.
    expect(counts(plan)).toEqual({ recommendations: 19, actions: 51, owners: 0, datedUpdates: 0, updates: 48 });
    expect(plan.title).toBe('ACTION PLAN');
    expect(plan.issuer).toBe('Audit Commission');
    expect(actions(plan).map((a) => a.ref)).toEqual(Array.from({ length: 51 }, (_, i) => String(i + 1)));
    expect(plan.problems).toEqual([
      expect.objectContaining({ message: expect.stringContaining('no action names an owner'), severity: 'warning' }),
    ]);
  });

  test('BTP crime data integrity improvement plan, 2015 (pasted from PDF)', () => {
    const plan = parsePlan(fixture('btp-crime-data-integrity-improvement-plan-2015.txt'), 'btp.txt');
    // 13 force recommendations (1-13), 2 HMICS (1-2), 13 national (1-13), one action each.
    // Owners: one per row except 2 (DCC / Head of SDD / FCR = 3), 3 (ACC Scotland / DCS Crime = 2)
    // and national 13 (none): 28 + 2 + 1 - 1 = 30.
    // Dated updates: entries that start with a date ("Jan 2015 -", "18 Apr 2015 -", "5/11/2015:"),
    // plus undated latest updates dated by "Date of Update": 80 of 86 entries, e.g. force 7 has
    // an undated preface then Jan, 18 Apr, 19 May 2015, 10 Aug, 04 Nov 15.
    expect(counts(plan)).toEqual({ recommendations: 28, actions: 28, owners: 30, datedUpdates: 80, updates: 86 });
    expect(plan).toMatchObject({
      title: 'CRIME DATA INTEGRITY IMPROVEMENT PLAN - BTP',
      issuer: 'HMIC',
      planOwner: 'Strategic Development Department',
      reportDate: d(2014, 12, 31),
    });
    const refs = actions(plan).map((a) => a.ref);
    expect(new Set(refs).size).toBe(28);
    const seven = plan.recommendations.find((r) => r.ref === '7')!;
    expect(seven).toMatchObject({ sourceLocator: 'Page 12', section: 'IMMEDIA' });
    expect(seven.actions[0]).toMatchObject({
      status: 'open',
      reportedRag: 'GREEN',
      due: { text: '01-Mar-15', date: d(2015, 3, 1), precision: 'day' },
    });
    // The national table is split across pages by columns: its status columns follow as a table of their own.
    const nationalTen = actions(plan).find((a) => a.ref === 'National 10')!;
    expect(nationalTen).toMatchObject({ status: 'awaiting_verification', reportedRag: 'COMPLETE' });
  });

  test('the demo CSV is the BTP plan cleaned, with the same counts', () => {
    const plan = parsePlan(
      readFileSync(path.join(__dirname, '../../../prisma/seed/btp-crime-data-integrity.csv')),
      'btp.csv',
    );
    expect(counts(plan)).toEqual({ recommendations: 28, actions: 28, owners: 30, datedUpdates: 80, updates: 86 });
    expect(plan.recommendations.map((r) => r.section)).toContain('National Recommendations — WITHIN SIX MONTHS');
    expect(actions(plan).find((a) => a.ref === 'National 5')).toMatchObject({ due: { precision: 'asap' } });
    // National 7's owner cell was cut off by the PDF export ('Policing (Hood of'): the fragment in the open bracket
    // is dropped, the rest completed by the plan's one other owner ending in it, and said.
    expect(actions(plan).find((a) => a.ref === 'National 7')!.owners).toEqual([{ post: 'College of Policing' }]);
    expect(plan.problems).toContainEqual(
      expect.objectContaining({
        column: 'Owner',
        message: "owner 'Policing (Hood of' looks cut off — read as 'College of Policing'; check it",
      }),
    );
    expect(plan.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });
});

describe('structure rules on excerpts', () => {
  const tsv = (lines: string[][]) => Buffer.from(lines.map((l) => l.join('\t')).join('\n'));
  const NCRS_HEADER = [
    'Audit Commission Issue',
    'A.C Priority 1-3 (low-high)',
    'Action',
    'Target/Completion Date',
    'Comment',
  ];

  test('a recommendation row with its first action, action-only rows, comment-only rows, section rows and links (NCRS)', () => {
    const plan = parsePlan(
      tsv([
        ['ACTION PLAN'],
        NCRS_HEADER,
        ['CRIME DATA ISSUES', '', '', '', ''],
        [
          'Generally poor performance for closing incidents',
          '2',
          '1.Ensure all Borough Commanders received the report',
          'July 2003',
          'Reports sent electronically.',
        ],
        ['', '', '2. Review & report on NCRS training in MPS', 'Nov 2003', 'Report submitted,'],
        ['', '', '', '', 'identifying that only CAD operators received formal NCRS training'],
        ['Insufficient detail on logs to justify incident closure', '3', '3.As Actions 1-2 above', '', 'As above'],
        ['ACCOUNTABILITY & LEA', 'DERSHIP ISSUE', 'ES .', '', ''],
        [
          'No marketing of NCRS to operational police officers',
          '2',
          'Design and open Crime Integrity & NCRS website',
          'Aug 2003',
          '',
        ],
      ]),
      'ncrs.tsv',
    );
    expect(plan.recommendations.map((r) => [r.ref, r.section, r.priority, r.actions.map((a) => a.ref)])).toEqual([
      ['1', 'CRIME DATA ISSUES', '2', ['1', '2']],
      ['2', 'CRIME DATA ISSUES', '3', ['3']],
      ['3', 'ACCOUNTABILITY & LEA DERSHIP ISSUE ES', '2', ['4']], // numbering carries on where the plan left it out
    ]);
    expect(plan.recommendations[0].actions[1].updates).toEqual([
      { at: null, text: 'Report submitted,\nidentifying that only CAD operators received formal NCRS training' },
    ]);
    expect(plan.recommendations[1].actions[0]).toMatchObject({ text: 'As Actions 1-2 above', links: ['1', '2'] });
  });

  test('recommendation text broken over rows continues (NCRS 45-47)', () => {
    const plan = parsePlan(
      tsv([
        NCRS_HEADER,
        [
          'The Force should consider testing such as',
          '3',
          '45. Examine the current crime survey',
          'April 2004',
          'Ongoing',
        ],
        [
          'Whether victims are pressed for positive evidence of a crime has',
          '',
          '46. Examine a "mystery shopper" exercise',
          'April 2004',
          '',
        ],
        ['occurred', '', '47. Research a "mail shot" survey', 'April 2004', ''],
      ]),
      'ncrs.tsv',
    );
    expect(plan.recommendations).toHaveLength(1);
    expect(plan.recommendations[0].text).toBe(
      'The Force should consider testing such as Whether victims are pressed for positive evidence of a crime has occurred',
    );
    expect(plan.recommendations[0].actions.map((a) => a.ref)).toEqual(['45', '46', '47']);
  });

  test('board style with page locators, repeated headers and a header glued to a row (BTP)', () => {
    const header = [
      'Ref',
      'Area for Improvement',
      'Action Owner',
      'Due Date',
      'Initial Response',
      'Latest Update',
      'Date of Update',
      'Complete Yes/No',
      'RAG Status',
    ];
    const plan = parsePlan(
      tsv([
        header,
        ['WITHIN', 'THREE MONTHS'],
        [
          '4',
          'The force should develop a means of highlighting links. (Page 6)',
          'Deputy Chief Constable',
          '01-Mar-15',
          'Jan 2015 - Information will be presented.',
          'The data will be presented in SEB.',
          '04-Nov-15',
          'No',
          'GREEN',
        ],
        ['Improve', 'ement Plan Owner: Strategic Development Department'],
        header,
        [
          'Re 5',
          'The force should review processes',
          'Action Owner Head of Contact Management',
          'Due Date 01-Mar-15',
          'Initial Response Jan 2015 - This is being reviewed.',
          '',
          '',
          '',
          '',
        ],
      ]),
      'btp.tsv',
    );
    expect(plan.recommendations.map((r) => [r.ref, r.section, r.sourceLocator, r.text])).toEqual([
      ['4', 'WITHIN THREE MONTHS', 'Page 6', 'The force should develop a means of highlighting links.'],
      ['5', 'WITHIN THREE MONTHS', undefined, 'The force should review processes'],
    ]);
    expect(plan.recommendations[1].actions[0]).toMatchObject({
      owners: [{ post: 'Head of Contact Management' }],
      due: { text: '01-Mar-15' },
      updates: [{ at: d(2015, 1, 1), text: 'This is being reviewed.' }],
    });
    expect(plan.recommendations[0].actions[0].updates[1]).toEqual({
      at: d(2015, 11, 4),
      text: 'The data will be presented in SEB.',
    });
    expect(plan.planOwner).toBe('Strategic Development Department');
  });

  test('document style: "Recommendation N:" headings each followed by a table (docx)', async () => {
    const plan = await parsePlanFile(fixture('document-style-plan.docx'), 'plan.docx', { reportDate: d(2003, 10, 1) });
    expect(plan.problems).toEqual([]);
    expect(plan).toMatchObject({
      title: 'Safer Neighbourhoods Improvement Plan',
      planOwner: 'Head of Territorial Policing',
    });
    expect(plan.recommendations.map((r) => [r.ref, r.text, r.context, r.actions.map((a) => a.ref)])).toEqual([
      [
        '1',
        'The MPS should clarify the success factors for Safer Neighbourhoods.',
        'Measures are not consistent between boroughs',
        ['1.1', '1.2'],
      ],
      ['2', 'The MPS should evaluate its problem-solving approach.', 'No formal evaluation yet', ['2.1']],
    ]);
    const [first, second] = plan.recommendations[0].actions;
    expect(first.owners).toEqual([
      { post: 'Cdr Foy-Metcall' },
      { post: 'Cdr Jarman', role: 'SNTs' },
      { post: 'Cdr Minton', role: 'IBOs' },
    ]);
    expect(first.updates).toEqual([
      { at: d(2004, 1, 1), text: 'Draft measures circulated.' },
      { at: d(2004, 3, 12), text: 'Agreed at the performance board.' },
    ]);
    expect(second.due).toEqual({ text: 'Q4', date: d(2003, 12, 31), precision: 'quarter' });
    expect(plan.recommendations[1].actions[0]).toMatchObject({
      text: 'Commission an independent evaluation',
      owners: [{ post: 'CS&P' }, { post: 'HR' }],
      status: 'awaiting_verification',
    });
  });

  test("a tracker of several audits: each row's audit is its part, and a ref an earlier audit used is qualified by it", () => {
    const plan = parsePlan(
      tsv([
        ['Audit', 'Rec', 'Finding', 'Agreed action', 'Responsible officer', 'Target date'],
        [
          'Payroll',
          '1',
          'Leavers are not removed promptly',
          'Reconcile leavers monthly',
          'Payroll Manager',
          '30/09/2024',
        ],
        ['Payroll', '2', 'Overtime is not authorised', 'Approve overtime on e-forms', 'Head of HR', '31/12/2024'],
        [
          'Procurement',
          '1',
          'Waivers are not reported',
          'Report waivers quarterly',
          'Head of Procurement',
          '31/03/2025',
        ],
      ]),
      'tracker.txt',
    );
    expect(plan.recommendations.map((r) => ({ ref: r.ref, section: r.section, text: r.text }))).toEqual([
      { ref: '1', section: 'Payroll', text: 'Leavers are not removed promptly' },
      { ref: '2', section: 'Payroll', text: 'Overtime is not authorised' },
      { ref: 'Procurement 1', section: 'Procurement', text: 'Waivers are not reported' },
    ]);
    expect(actions(plan).map((a) => [a.ref, a.text])).toEqual([
      ['1.1', 'Reconcile leavers monthly'],
      ['2.1', 'Approve overtime on e-forms'],
      ['Procurement 1.1', 'Report waivers quarterly'],
    ]);
  });

  test('a status that says "See above" or "Ditto" is the status of the row above', () => {
    const plan = parsePlan(
      tsv([
        ['Ref', 'Recommendation', 'Owner', 'Due date', 'Status'],
        ['1', 'Train call handlers', 'Head of Contact', '31/03/2025', 'Implemented'],
        ['2', 'Retrain new starters', 'Head of Contact', '31/03/2025', 'See above'],
        ['3', 'Audit incidents monthly', 'Crime Registrar', '30/09/2025', 'Red'],
        ['4', 'Publish the audit', 'Crime Registrar', '30/09/2025', 'Ditto'],
      ]),
      'status.txt',
    );
    expect(actions(plan).map((a) => [a.ref, a.status, a.reportedRag])).toEqual([
      ['1', 'awaiting_verification', null],
      ['2', 'awaiting_verification', null],
      ['3', 'open', 'RED'],
      ['4', 'open', 'RED'],
    ]);
  });

  test('a date cell that says the work is done keeps no due date; one that names a deadline keeps it', () => {
    const plan = parsePlan(
      tsv([
        ['Ref', 'Recommendation', 'Owner', 'Results/timescale'],
        ['1', 'Issue guidance', 'Head of Training', 'Completed. March 2008'],
        ['2', 'Train all officers', 'Head of Training', 'Complete by March 2025'],
      ]),
      'dates.txt',
    );
    expect(actions(plan).map((a) => [a.ref, a.status, a.due.date])).toEqual([
      ['1', 'awaiting_verification', null],
      ['2', 'open', d(2025, 3, 31)],
    ]);
  });

  test('a due date it cannot read is a warning with row and column', () => {
    const plan = parsePlan(
      Buffer.from('Ref,Recommendation,Owner,Due Date\n1,Do the thing,Head of SDD,Smarch 2004\n'),
      'p.csv',
    );
    expect(plan.problems).toEqual([
      {
        file: 'p.csv',
        row: 2,
        column: 'Due Date',
        message: "due date 'Smarch 2004' not understood — kept as text, no date",
        severity: 'warning',
      },
    ]);
  });

  test('a revised date it cannot read is a warning too, and the date first given stays the due date', () => {
    const plan = parsePlan(
      Buffer.from(
        'Ref,Recommendation,Owner,Target date,Revised target date\n1,Do the thing,Head of SDD,Mar-25,Smarch 2025\n',
      ),
      'p.csv',
    );
    expect(actions(plan)[0].due.date).toEqual(d(2025, 3, 31));
    expect(plan.problems.map((p) => p.message)).toContain(
      "due date 'Smarch 2025' not understood — kept as text, no date",
    );
  });
});

describe('the title block', () => {
  const csv = (above: string[]) =>
    Buffer.from(
      [
        ...above,
        '',
        'Ref,Recommendation,Agreed action,Responsible officer,Target date,RAG',
        '1,Leavers should be removed promptly,Reconcile leavers monthly,Payroll Manager,Within 2 weeks,Amber',
      ].join('\n'),
    );

  test("an audit committee's appendix: the line naming the follow-up of recommendations is the title, the position's date the report date", () => {
    const plan = parsePlan(
      csv([
        'Audit Committee – 12 March 2025',
        'Appendix B: Internal Audit Recommendations Follow-up',
        'Position at 31 January 2025',
      ]),
      'appendix.csv',
    );
    expect(plan).toMatchObject({
      title: 'Appendix B: Internal Audit Recommendations Follow-up',
      reportDate: d(2025, 1, 31),
    });
    // "Within 2 weeks" counts from the position's date.
    expect(actions(plan)[0].due.date).toEqual(d(2025, 2, 14));
  });

  test.each([
    'Position as at 31/01/2025',
    'Status as at 31 January 2025',
    'Updated: 31 Jan 2025',
    'Last updated 31 January 2025 by the audit team.',
    '"Progress at January 31, 2025"',
  ])('"%s" gives the report date', (line) => {
    expect(parsePlan(csv(['Internal audit tracker', line]), 'p.csv').reportDate).toEqual(d(2025, 1, 31));
  });

  test("the date of the inspection is the report's date over the date of the position", () => {
    const plan = parsePlan(
      csv(['Inspection action plan', 'Date of inspection: 12 March 2024', 'Position at 31 January 2025']),
      'p.csv',
    );
    expect(plan).toMatchObject({ title: 'Inspection action plan', reportDate: d(2024, 3, 12) });
  });

  test('a line naming a plan is the title over one naming a follow-up; a sentence about recommendations is no title', () => {
    expect(parsePlan(csv(['Follow-up of recommendations', 'Payroll action plan']), 'p.csv').title).toBe(
      'Payroll action plan',
    );
    expect(
      parsePlan(csv(['The inspection made three recommendations, all accepted by the board.']), 'p.csv').title,
    ).toBeUndefined();
  });
});

describe('files that are not plans', () => {
  test('no recognisable table: an error naming the headers looked for', () => {
    const plan = parsePlan(Buffer.from('Dear all,\nplease find the minutes attached.\n'), 'minutes.txt');
    expect(plan.recommendations).toEqual([]);
    expect(plan.problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        message: expect.stringContaining('Ref, Recommendation / Area for Improvement, Action, Action Owner, Due Date'),
      }),
    ]);
  });

  test('a corrupt spreadsheet is an error, not an exception', async () => {
    const plan = await parsePlanFile(Buffer.from('not a zip'), 'plan.xlsx');
    expect(plan.problems[0]).toMatchObject({
      severity: 'error',
      message: expect.stringContaining('could not read plan.xlsx'),
    });
    expect(parsePlan(Buffer.from('x'), 'plan.docx').problems[0].message).toContain('parsePlanFile');
  });
});
