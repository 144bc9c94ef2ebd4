import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import { parsePlan, parsePlanFile } from '../../../core/import/parse-plan';
import type { ParsedPlan } from '../../../core/import/types';
import { planThenOtherTables } from '../../helpers/unruled-pdf';

/** Plans laid out as people keep them, each row of expectations read off its file by hand. */
const plan = (name: string) => parsePlan(readFileSync(path.join(__dirname, '../../fixtures/plans', name)), name);
const day = (d: Date | null | undefined) => d?.toISOString().slice(0, 10) ?? null;
const facts = (p: ParsedPlan) =>
  p.recommendations
    .flatMap((r) => r.actions)
    .map((a) => ({
      ref: a.ref,
      text: a.text,
      owners: a.owners.map((o) => o.post),
      due: day(a.due.date),
      originalDue: day(a.originalDue?.date),
      status: a.status,
      rag: a.reportedRag,
    }));

describe('layouts beyond the seeds', () => {
  test('semicolon CSV with a status key, revised dates, financial quarters and refs kept as written (recommendation AFI 1, its action AFI 1.1)', () => {
    const p = plan('semicolon-revised.csv');
    expect(p.reportDate).toEqual(new Date(Date.UTC(2024, 5, 1)));
    expect(facts(p)).toEqual([
      {
        ref: 'AFI 1.1',
        text: 'Introduce monthly dip sampling',
        owners: ['J. Smith, Director of Finance'],
        due: '2025-03-31',
        originalDue: '2024-09-30',
        status: 'open',
        rag: 'AMBER',
      },
      {
        ref: 'AFI 2.1',
        text: 'Write the closure\nprocedure',
        owners: ['Head of HR', 'Head of Legal'],
        due: '2024-09-30',
        originalDue: null,
        status: 'awaiting_verification',
        rag: 'COMPLETE',
      },
      {
        ref: 'AFI 3.1',
        text: 'Deliver training',
        owners: ['Ch Insp Brown', 'DCI Green'],
        due: '2024-09-01',
        originalDue: null,
        status: 'closed',
        rag: 'RISK_ACCEPTED',
      },
      {
        ref: 'AFI 4.1',
        text: 'Switch off system',
        owners: ['Head of IT'],
        due: '2024-09-30',
        originalDue: null,
        status: 'closed',
        rag: 'SUPERSEDED',
      },
      {
        ref: 'AFI 5.1',
        text: 'Vet the remaining staff',
        owners: ['Head of Vetting'],
        due: '2024-07-01',
        originalDue: null,
        status: 'awaiting_verification',
        rag: null,
      },
      {
        ref: 'AFI 6.1',
        text: 'Publish the results quarterly',
        owners: ['Head of Comms'],
        due: '2024-12-31',
        originalDue: null,
        status: 'awaiting_verification',
        rag: 'COMPLETE',
      },
      {
        ref: 'AFI 7.1',
        text: "Hold a partners' forum",
        owners: ['Head of Partnerships'],
        due: '2024-06-01',
        originalDue: null,
        status: 'open',
        rag: 'GREEN',
      },
    ]);
    expect(p.problems.map((x) => x.message)).toEqual([
      "read 'Revised target date' as the due date; the date in 'Target date' kept as the original due date",
    ]);
    expect(p.recommendations.map((r) => r.text)).toContain('Improve supervision of records');
    expect(
      p.recommendations
        .flatMap((r) => r.actions)
        .map((a) => a.outcome)
        .slice(2, 4),
    ).toEqual(['risk_accepted', 'superseded']);
  });

  test('an internal-audit follow-up tracker exported to CSV: an audit column, financial-year quarters and spans as auditors write them, "Implemented" in the revised date column, the BRAG key under the table', () => {
    const p = plan('audit-follow-up.csv');
    expect(p).toMatchObject({
      title: 'Internal Audit: follow-up of agreed actions',
      reportDate: new Date(Date.UTC(2024, 10, 30)),
    });
    expect(p.recommendations.map((r) => [r.ref, r.section])).toEqual([
      ['1', 'Payroll'],
      ['2', 'Payroll'],
      ['3', 'Payroll'],
      ['Procurement 1', 'Procurement'],
      ['Procurement 2', 'Procurement'],
      ['Procurement 3', 'Procurement'],
      ['IT 1', 'IT'],
      ['IT 2', 'IT'],
      ['IT 3', 'IT'],
    ]);
    const action = (
      ref: string,
      text: string,
      owner: string,
      due: string,
      originalDue: string | null,
      rag: string,
    ) => ({
      ref,
      text,
      owners: [owner],
      due,
      originalDue,
      status: 'open',
      rag,
    });
    expect(facts(p)).toEqual([
      action(
        '1.1',
        'Check every starter against HR records before first pay',
        'Payroll Manager',
        '2024-12-31',
        '2024-03-31',
        'AMBER',
      ),
      {
        ...action('2.1', 'Require approval of overtime in the HR system', 'Head of HR', '2024-06-30', null, 'COMPLETE'),
        status: 'awaiting_verification',
      },
      action(
        '3.1',
        'Reconcile leavers with the payroll every month',
        'Payroll Manager',
        '2025-03-31',
        '2024-09-30',
        'AMBER',
      ),
      action('Procurement 1.1', 'Keep a register of waivers', 'Head of Procurement', '2024-12-31', null, 'GREEN'),
      action(
        'Procurement 2.1',
        'Name an owner for every contract',
        'J. Smith, Director of Resources',
        '2025-06-30',
        '2024-09-30',
        'RED',
      ),
      action(
        'Procurement 3.1',
        'Report spend by supplier to the board each quarter',
        'Head of Finance',
        '2025-03-31',
        null,
        'GREEN',
      ),
      action(
        'IT 1.1',
        'Remove access on the day a member of staff leaves',
        'IT Service Desk Manager',
        '2025-03-31',
        null,
        'GREEN',
      ),
      action(
        'IT 2.1',
        'Test a restore from backup twice a year',
        'Infrastructure Manager',
        '2025-08-31',
        null,
        'GREEN',
      ),
      {
        ...action('IT 3.1', 'Issue a password manager to every team', 'IT Security Lead', '2024-10-31', null, 'GREEN'),
        status: 'awaiting_verification',
      },
    ]);
    expect(p.problems.filter((x) => !x.message.includes('is used more than once')).map((x) => x.message)).toEqual([
      "read 'Revised target date' as the due date; the date in 'Original target date' kept as the original due date",
      "read a date in 'Date completed' as the owner saying the action is done",
    ]);
  });

  test('a wiki page saved as HTML: title and inspection date from its paragraphs, a ref and recommendation merged down over their actions, list items as lines, entities and emoji status, RAG as the highlight colour of its cells, nothing from the head, scripts or comments', () => {
    const p = plan('wiki-page.html');
    expect(p.title).toBe('Fire Safety Improvement Plan');
    expect(day(p.reportDate)).toBe('2024-03-12');
    expect(p.problems).toEqual([]);
    expect(p.recommendations.map((r) => [r.ref, r.text])).toEqual([
      ['1', 'Fire risk assessments are out of date in two blocks'],
      ['2', 'Staff in the Estates’ depots have not had fire training'],
    ]);
    const action = { originalDue: null };
    expect(facts(p)).toEqual([
      {
        ...action,
        ref: '1.1',
        text: 'Review the fire risk assessment for Block A',
        owners: ['Fire Safety Manager'],
        due: '2024-05-31',
        status: 'awaiting_verification',
        rag: 'GREEN',
      },
      {
        ...action,
        ref: '1.2',
        text: 'Review the fire risk assessment for Block B',
        owners: ['Fire Safety Manager'],
        due: '2024-06-30',
        status: 'open',
        rag: 'AMBER',
      },
      {
        ...action,
        ref: '2.1',
        text: 'Train every depot supervisor\nRecord the training in the HR system',
        owners: ['Head of Learning & Development'],
        due: '2024-12-31',
        status: 'open',
        rag: 'RED',
      },
    ]);
  });

  test('pasted Excel text: a quoted cell over two lines, "By when", "Date completed", a revised date in brackets', () => {
    expect(facts(plan('pasted-excel.txt'))).toEqual([
      {
        ref: '1.1',
        text: 'Chase late records\nweekly',
        owners: [],
        due: '2025-06-30',
        originalDue: null,
        status: 'awaiting_verification',
        rag: null,
      },
      {
        ref: '2.1',
        text: 'Start an audit',
        owners: [],
        due: '2024-11-05',
        originalDue: null,
        status: 'awaiting_verification',
        rag: null,
      },
      {
        ref: '3.1',
        text: 'Speed up reviews',
        owners: [],
        due: null,
        originalDue: null,
        status: 'awaiting_verification',
        rag: null,
      },
      {
        ref: '4.1',
        text: 'Rewrite policy',
        owners: [],
        due: '2025-03-31',
        originalDue: '2024-12-31',
        status: 'open',
        rag: null,
      },
    ]);
  });

  test('a CQC-style plan whose columns are questions ("What are we going to do?", "Who is responsible?", "By when?"), dates as people write them', () => {
    const p = plan('cqc-questions.csv');
    expect(p.reportDate).toEqual(new Date(Date.UTC(2024, 5, 4)));
    expect(p.problems).toEqual([]);
    expect(p.recommendations.map((r) => [r.ref, r.text])).toEqual([
      ['MD1', "Patients' risks are not always assessed on admission."],
      ['MD2', 'Governance processes do not identify risks early enough.'],
      ['SD1', 'Staff have not completed mandatory training.'],
      ['SD2', 'Patients are not involved in planning their care.'],
      ['SD3', 'Curtains are left open during examinations.'],
      ['SD4', 'Call bells on wards 3 and 4 are broken.'],
    ]);
    expect(facts(p)).toEqual([
      {
        ref: 'MD1.1',
        text: 'Introduce a risk assessment checklist on every ward',
        owners: ['Director of Nursing'],
        due: '2024-12-31',
        originalDue: null,
        status: 'open',
        rag: 'GREEN',
      },
      {
        ref: 'MD2.1',
        text: 'Review the risk register at every divisional board',
        owners: ['Medical Director', 'Director of Governance'],
        due: '2024-09-30',
        originalDue: null,
        status: 'open',
        rag: 'AMBER',
      },
      {
        ref: 'SD1.1',
        text: 'Book every overdue member of staff onto training\nReport compliance to the workforce committee',
        owners: ['Head of Learning and Development'],
        due: '2024-09-30',
        originalDue: null,
        status: 'open',
        rag: 'RED',
      },
      {
        ref: 'SD2.1',
        text: 'Add a patient voice section to the care plan',
        owners: ['Lead Nurse (Patient Experience)'],
        due: '2025-06-30',
        originalDue: null,
        status: 'open',
        rag: null,
      },
      {
        ref: 'SD3.1',
        text: 'Remind staff at every safety huddle',
        owners: ['Ward Managers'],
        due: '2024-09-30',
        originalDue: null,
        status: 'awaiting_verification',
        rag: 'COMPLETE',
      },
      {
        ref: 'SD4.1',
        text: 'Replace the call bells on wards 3 and 4',
        owners: ['Estates Manager'],
        due: '2024-10-15',
        originalDue: null,
        status: 'awaiting_verification',
        rag: 'COMPLETE',
      },
    ]);
    // "How will we know it has worked?" is the measure of success, not progress.
    expect(p.recommendations[0].actions[0].updates.map((u) => u.text)).toEqual(['Checklist launched on six wards.']);
  });

  test('a paste from Excel of actions under "Theme N:" bands: each band is a recommendation over the actions numbered within it; quoted cells over two lines', () => {
    const p = plan('theme-bands.txt');
    expect(p.title).toBe('Adult Social Care Improvement Plan');
    expect(p.problems).toEqual([]);
    expect(p.recommendations.map((r) => [r.ref, r.text])).toEqual([
      ['1', 'Leadership and governance'],
      ['2', 'Safeguarding'],
    ]);
    expect(facts(p)).toEqual([
      {
        ref: '1.1',
        text: 'Appoint a permanent Director of Adult Social Care',
        owners: ['Chief Executive'],
        due: '2024-09-30',
        originalDue: null,
        status: 'open',
        rag: 'GREEN',
      },
      {
        ref: '1.2',
        text: 'Report progress on this plan to Cabinet every quarter\nPublish each report on the council website',
        owners: ['Director of Adult Social Care', 'Head of Democratic Services'],
        due: '2024-12-31',
        originalDue: null,
        status: 'open',
        rag: 'AMBER',
      },
      {
        ref: '2.1',
        text: 'Clear the backlog of safeguarding enquiries',
        owners: ['Head of Safeguarding'],
        due: '2025-03-31',
        originalDue: null,
        status: 'open',
        rag: 'RED',
      },
      {
        ref: '2.2',
        text: 'Train every team manager in the "Making Safeguarding Personal" approach',
        owners: ['Principal Social Worker'],
        due: '2024-11-30',
        originalDue: null,
        status: 'awaiting_verification',
        rag: 'COMPLETE',
      },
    ]);
  });

  test('"Theme N:" bands over recommendations of their own name the part of the plan each is in', () => {
    const p = plan('theme-sections.csv');
    expect(p.problems).toEqual([]);
    expect(p.recommendations.map((r) => [r.ref, r.section])).toEqual([
      ['1', 'Theme 1: Leadership'],
      ['2', 'Theme 1: Leadership'],
      ['3', 'Theme 2: Financial sustainability'],
      ['4', 'Theme 2: Financial sustainability'],
    ]);
    expect(facts(p).map(({ ref, text, owners, due, status }) => ({ ref, text, owners, due, status }))).toEqual([
      {
        ref: '1.1',
        text: "Hold a partners' summit and publish the vision",
        owners: ['Chief Executive'],
        due: '2025-03-31',
        status: 'open',
      },
      {
        ref: '2.1',
        text: 'Introduce a member development programme',
        owners: ['Head of Democratic Services'],
        due: '2024-09-30',
        status: 'awaiting_verification',
      },
      {
        ref: '3.1',
        text: 'Agree savings proposals for 2025/26 with Cabinet',
        owners: ['Director of Finance'],
        due: '2025-02-28',
        status: 'open',
      },
      {
        ref: '4.1',
        text: 'Reprofile the capital programme and report to Audit Committee',
        owners: ['Head of Capital'],
        due: '2025-03-31',
        status: 'open',
      },
    ]);
  });

  test('an inspectorate tracker of several reports: "Recommendation / AFI", the action owner over the force lead, posts listed with commas, statuses putting an action forward for closure', () => {
    const p = plan('hmicfrs-tracker.csv');
    // Nothing above the table names the tracker or dates it.
    expect([p.title, p.reportDate]).toEqual([undefined, undefined]);
    expect(p.recommendations.map((r) => [r.ref, r.section])).toEqual([
      ['1', 'PEEL 2023'],
      ['2', 'PEEL 2023'],
      ['3', 'PEEL 2023'],
      ['Vetting 1', 'Vetting 2024'],
      ['Vetting 2', 'Vetting 2024'],
      ['Vetting 3', 'Vetting 2024'],
    ]);
    expect(facts(p)).toEqual([
      {
        ref: '1',
        text: 'The force should improve how it records equality data',
        owners: ['Head of Performance', 'Head of Information Management'],
        due: '2025-03-31',
        originalDue: null,
        status: 'open',
        rag: null,
      },
      {
        ref: '2',
        text: 'The force should make sure its workforce plan meets future demand',
        owners: ['Head of Workforce Planning'],
        due: '2024-09-30',
        originalDue: null,
        status: 'awaiting_verification',
        rag: 'COMPLETE',
      },
      {
        ref: '3',
        text: 'The force should answer emergency calls promptly',
        owners: ['Head of Contact Management', 'Head of Resourcing'],
        due: '2025-03-31',
        originalDue: null,
        status: 'awaiting_verification',
        rag: null,
      },
      {
        ref: 'Vetting 1',
        text: 'Forces should vet all staff to the right level',
        owners: ['Head of Vetting'],
        due: '2025-06-30',
        originalDue: null,
        status: 'open',
        rag: null,
      },
      {
        ref: 'Vetting 2',
        text: 'Forces should record the rationale for vetting decisions',
        owners: ['Head of Professional Standards'],
        due: '2024-12-31',
        originalDue: null,
        status: 'awaiting_verification',
        rag: null,
      },
      {
        ref: 'Vetting 3',
        text: "The force should check staff's vetting before promotion",
        owners: ['Director of People, Culture and Inclusion'],
        due: '2025-03-31',
        originalDue: null,
        status: 'closed',
        rag: 'SUPERSEDED',
      },
    ]);
    expect(p.recommendations[2].actions[0].owners.map((o) => o.role)).toEqual(['lead', 'support']);
  });

  test("Excel's text exports as Windows saves them: a CSV in the Windows-1252 code page, and Unicode Text (UTF-16, tab-separated); curly quotes, dashes and £ come through", () => {
    const expected = [
      {
        ref: '1.1',
        text: 'Recruit two more educational psychologists – funded from the £250k agreed by Cabinet',
        owners: ['Director of Children’s Services'],
        due: '2025-03-31',
        originalDue: null,
        status: 'open',
        rag: null,
      },
      {
        ref: '2.1',
        text: 'Set up a parent carer forum with a “you said, we did” report each term',
        owners: ['Head of SEND', 'Head of Participation'],
        due: '2025-04-30',
        originalDue: null,
        status: 'open',
        rag: null,
      },
      {
        ref: '3.1',
        text: 'Publish the Local Offer on the council’s website',
        owners: ['SEND Information Officer'],
        due: '2024-09-30',
        originalDue: null,
        status: 'awaiting_verification',
        rag: 'COMPLETE',
      },
    ];
    for (const name of ['ansi-export.csv', 'unicode-text.txt']) {
      const p = plan(name);
      expect(p.title).toBe('SEND Written Statement of Action – progress');
      expect(p.problems).toEqual([]);
      expect(p.recommendations[1].text).toBe('The council should strengthen parents’ voice in SEND');
      expect(facts(p)).toEqual(expected);
    }
  });

  test('a count by RAG and the key set out as small tables under the plan are no part of any recommendation, and the key is read', () => {
    const p = plan('summary-below.csv');
    expect(p.title).toBe("Children's Services Improvement Plan - position at 31 October 2024");
    expect(p.reportDate).toEqual(new Date(Date.UTC(2024, 9, 31)));
    expect(p.problems.map((x) => x.message)).toEqual(["read GREEN as done, as the plan's key says"]);
    expect(p.recommendations.map((r) => r.text)).toEqual([
      'Improve the quality of supervision',
      'Reduce social worker caseloads',
      'Publish the practice framework',
    ]);
    expect(facts(p).map(({ ref, owners, due, status, rag }) => ({ ref, owners, due, status, rag }))).toEqual([
      {
        ref: '1.1',
        owners: ['Principal Social Worker'],
        due: '2024-06-30',
        status: 'awaiting_verification',
        rag: 'COMPLETE',
      },
      { ref: '1.2', owners: ['Workforce Development Manager'], due: '2024-12-31', status: 'open', rag: 'AMBER' },
      { ref: '2.1', owners: ["Head of Children's Social Care"], due: '2025-03-31', status: 'open', rag: 'RED' },
      { ref: '3.1', owners: ['Head of Practice'], due: '2024-09-30', status: 'awaiting_verification', rag: 'COMPLETE' },
    ]);
  });

  test("a flat export, one row per action with its recommendation's ref and text repeated, and the action's own ref beside them", () => {
    const p = plan('flat-export.csv');
    expect(p.problems).toEqual([]);
    expect(p.recommendations.map((r) => [r.ref, r.text, r.actions.length])).toEqual([
      ['1', 'The force should improve the accuracy of its crime recording', 3],
      ['2', 'The force should review the crimes it cancels', 1],
    ]);
    expect(facts(p).map(({ ref, owners, due, status, rag }) => ({ ref, owners, due, status, rag }))).toEqual([
      {
        ref: '1.1',
        owners: ['Head of Contact Management'],
        due: '2025-03-31',
        status: 'awaiting_verification',
        rag: 'COMPLETE',
      },
      { ref: '1.2', owners: ['Force Crime Registrar'], due: '2025-06-30', status: 'open', rag: null },
      // 1.3 was dropped from the plan; the numbers stand as agreed.
      { ref: '1.4', owners: ['Head of Performance'], due: '2025-09-30', status: 'open', rag: null },
      { ref: '2.1', owners: ['Detective Superintendent'], due: '2025-09-30', status: 'open', rag: null },
    ]);
  });

  test('a SharePoint list exported to CSV: dates with their time of day, "% Complete", numbered priorities', () => {
    const p = plan('sharepoint-list.csv');
    expect(p.problems).toEqual([]);
    expect(p.recommendations.map((r) => r.text)).toEqual([
      'Out-of-hours cover is not reliable',
      'Contact records are incomplete',
    ]);
    expect(facts(p).map(({ ref, owners, due, status, rag }) => ({ ref, owners, due, status, rag }))).toEqual([
      {
        ref: '1',
        owners: ['Head of Emergency Duty Team'],
        due: '2024-09-30',
        status: 'awaiting_verification',
        rag: 'COMPLETE',
      },
      { ref: '2', owners: ['Head of Emergency Duty Team'], due: '2024-12-31', status: 'open', rag: null },
      { ref: '3', owners: ['Quality Assurance Manager'], due: '2025-03-31', status: 'open', rag: null },
      // 100% complete is done, whatever the status says.
      { ref: '4', owners: ['Systems Manager'], due: '2024-10-31', status: 'awaiting_verification', rag: null },
    ]);
    expect(p.recommendations.flatMap((r) => r.actions).map((a) => a.priority)).toEqual([
      'high',
      'medium',
      'medium',
      'low',
    ]);
  });

  test('action text in any script, or only digits, is an action', () => {
    expect(facts(plan('non-latin.md')).map((a) => [a.text, a.owners])).toEqual([
      ['Провести аудит', ['Иванов']],
      ['Έλεγχος αρχείων', ['Παπαδόπουλος']],
      ['审计记录', ['王']],
      ['42', ['Head of Data']],
    ]);
  });

  test('a file with only a header row is refused in one line saying what was found', () => {
    const p = plan('header-only.csv');
    expect(p.recommendations).toEqual([]);
    expect(p.problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        message: expect.stringContaining('found a header row but no row of actions'),
      }),
    ]);
  });

  test("the dry run says when it took the plan's key at its word", () => {
    const p = parsePlan(
      Buffer.from('Key: GREEN - Implemented\nRef\tAction\tOwner\tRAG\n1\tAudit\tHead of IT\tGreen\n'),
      'p.txt',
    );
    expect(p.recommendations[0].actions[0]).toMatchObject({ status: 'awaiting_verification', reportedRag: 'COMPLETE' });
    expect(p.problems.map((x) => x.message)).toContain("read GREEN as done, as the plan's key says");
  });

  test('"Responsible officer:" and "Agreed date:" inside the action cell', () => {
    const text =
      'Ref\tRecommendation\tAgreed action\n1\tAudit\tStart audits. Responsible officer: Head of Audit. Agreed date: 30 Sept 2024\n';
    const [a] = parsePlan(Buffer.from(text), 'p.txt').recommendations[0].actions;
    expect([a.text, a.owners, day(a.due.date)]).toEqual(['Start audits.', [{ post: 'Head of Audit' }], '2024-09-30']);
  });

  test('a plan written as prose: recommendation headings, each action in labelled lines', () => {
    const p = plan('prose-plan.md');
    expect(p.title).toBe('Custody services: action plan');
    expect(p.problems.map((x) => x.message)).toEqual([
      'no plan table: read the plan a recommendation at a time, from labelled lines or two-column forms',
    ]);
    expect(p.recommendations.map((r) => [r.ref, r.text])).toEqual([
      ['1', "The force should make sure detainees' risk assessments are reviewed at every shift change."],
      ['2', 'The force should improve how it records the use of force in custody.'],
      ['3', 'The force should publish its custody performance figures.'],
    ]);
    expect(facts(p)).toEqual([
      {
        ref: '1.1',
        text: 'Add a risk review to the custody shift handover checklist.',
        owners: ['Custody Inspector'],
        due: '2024-06-30',
        originalDue: null,
        status: 'awaiting_verification',
        rag: 'COMPLETE',
      },
      {
        ref: '1.2',
        text: 'Audit twenty custody records a month for the review.',
        owners: ['Head of Professional Standards'],
        due: '2024-09-30',
        originalDue: null,
        status: 'open',
        rag: 'AMBER',
      },
      {
        ref: '2.1',
        text: 'Train custody staff in the use of force form.',
        owners: ['Chief Inspector, Learning and Development'],
        due: '2024-12-31',
        originalDue: null,
        status: 'open',
        rag: 'RED',
      },
      {
        ref: '3.1',
        text: 'Publish figures quarterly on the force website.',
        owners: ['Head of Corporate Communications'],
        due: '2024-12-31',
        originalDue: null,
        status: 'open',
        rag: 'GREEN',
      },
    ]);
    // A progress note that ran over two lines is one note.
    expect(p.recommendations[0].actions[1].updates.map((u) => u.text)).toEqual([
      'Audits started in July; two months missed while the auditor was on leave.',
    ]);
  });

  test('a wiki page: "### R1." headings over bulleted labelled lines, status shown as a tick or a coloured circle', () => {
    const p = plan('wiki-status.md');
    expect(p.title).toBe('Data protection audit 2024: action plan');
    expect(p.reportDate).toEqual(new Date(Date.UTC(2024, 10, 14)));
    expect(p.recommendations.map((r) => [r.ref, r.text])).toEqual([
      ['R1', 'Subject access requests are answered late'],
      ['R2', 'Retention rules are not applied to shared drives'],
      ['R3', 'Staff do not report breaches promptly'],
    ]);
    expect(facts(p)).toEqual([
      {
        ref: 'R1.1',
        text: 'Log every request on the case management system',
        owners: ['Information Governance Manager'],
        due: '2024-09-30',
        originalDue: null,
        status: 'awaiting_verification',
        rag: null,
      },
      {
        ref: 'R2.1',
        text: 'Apply the retention schedule to every shared drive',
        owners: ['Head of IT', 'Records Manager'],
        due: '2025-03-31',
        originalDue: null,
        status: 'open',
        rag: 'AMBER',
      },
      {
        ref: 'R3.1',
        text: 'Publish a one-page breach reporting guide',
        owners: ['Data Protection Officer'],
        due: '2024-10-31',
        originalDue: null,
        status: 'open',
        rag: 'RED',
      },
      {
        ref: 'R3.2',
        text: 'Add breach reporting to induction',
        owners: ['L&D Manager'],
        due: '2025-01-31',
        originalDue: null,
        status: 'open',
        rag: 'GREEN',
      },
    ]);
  });

  test('text with headings but no labelled actions is still no plan', () => {
    const p = parsePlan(
      Buffer.from('# Notes\n\n## Recommendation 1: Improve records.\n\nWe discussed this at length.\n'),
      'notes.md',
    );
    expect(p.recommendations.flatMap((r) => r.actions)).toEqual([]);
    expect(p.problems.filter((x) => x.severity === 'error').map((x) => x.message)).toEqual([
      'no plan table found — looked for a header row naming at least three of: Ref, Recommendation / Area for Improvement, Action, Action Owner, Due Date, Comments / Latest Update, Complete, RAG Status',
    ]);
  });

  test('timescales count from "Date of assessment"', () => {
    const p = parsePlan(
      Buffer.from(
        'Date of assessment: 1 June 2024\nRef\tAction\tOwner\tTimescale\n1\tAudit\tHead of IT\tWithin 3 months\n',
      ),
      'p.txt',
    );
    expect(day(p.recommendations[0].actions[0].due.date)).toBe('2024-09-01');
  });
});

test('"### R1." headings each over a small table, then an unrelated timeline table', () => {
  expect(facts(plan('headed-markdown.md'))).toEqual([
    {
      ref: 'R1.1',
      text: 'Publish results each quarter',
      owners: ['Head of Comms'],
      due: '2024-12-31',
      originalDue: null,
      status: 'open',
      rag: null,
    },
    {
      ref: 'R2.1',
      text: 'Train all staff',
      owners: ['Head of HR', 'Head of Learning'],
      due: '2025-04-30',
      originalDue: null,
      status: 'open',
      rag: null,
    },
  ]);
});

describe('plans kept in Excel and Word', () => {
  const file = (name: string) => parsePlanFile(readFileSync(path.join(__dirname, '../../fixtures/plans', name)), name);

  test("an audit tracker with a sheet per audit: numbering restarts, so the sheet names the part; the plan's key, revised and completed dates", async () => {
    const p = await file('audit-tracker.xlsx');
    expect(p.recommendations.map((r) => [r.ref, r.section ?? null])).toEqual([
      ['1', 'Payroll'],
      ['2', 'Payroll'],
      ['Procurement 1', 'Procurement'],
      ['Procurement 2', 'Procurement'],
    ]);
    expect(facts(p)).toEqual([
      {
        ref: '1.1',
        text: 'Check every starter before first pay',
        owners: ['Payroll Manager'],
        due: '2025-03-31',
        originalDue: '2024-09-30',
        status: 'open',
        rag: 'AMBER',
      },
      {
        ref: '2.1',
        text: 'Authorise overtime in the HR system',
        owners: ['Head of HR', 'Head of Finance'],
        due: '2024-06-30',
        originalDue: null,
        status: 'awaiting_verification',
        rag: 'COMPLETE',
      },
      {
        ref: 'Procurement 1.1',
        text: 'Keep a register of waivers',
        owners: ['Head of Procurement'],
        due: '2024-12-31',
        originalDue: null,
        status: 'open',
        rag: 'RED',
      },
      {
        ref: 'Procurement 2.1',
        text: 'Name an owner for every contract',
        owners: ['J. Smith, Director of Resources'],
        due: '2025-03-31',
        originalDue: null,
        status: 'open',
        rag: 'AMBER',
      },
    ]);
    expect(p.problems.map((x) => x.message)).toEqual(
      expect.arrayContaining([
        "ref 1.1 is used more than once — imported as 'Procurement 1.1'",
        "read GREEN as done, as the plan's key says",
      ]),
    );
  });

  test('a Word plan of "Priority N:" headings, each with what inspectors found and a small table, owner and date written inside the action cell, under a key where GREEN means implemented', async () => {
    const p = await file('priority-headings.docx');
    expect(p.title).toBe("Children's Services Inspection: Action Plan");
    expect(p.reportDate).toEqual(new Date(Date.UTC(2024, 2, 12)));
    expect(p.problems.map((x) => x.message)).toEqual(["read GREEN as done, as the plan's key says"]);
    expect(p.recommendations.map((r) => [r.ref, r.text, r.context])).toEqual([
      [
        '1',
        'Strengthen management oversight of casework',
        'Inspectors found that managers do not consistently record their oversight of decisions.',
      ],
      ['2', 'Improve the timeliness of assessments', 'Too many assessments take longer than 45 working days.'],
    ]);
    expect(facts(p)).toEqual([
      {
        ref: '1.1',
        text: 'Introduce monthly case audits by team managers.',
        owners: ['Head of Service, Children in Need'],
        due: '2024-09-30',
        originalDue: null,
        status: 'awaiting_verification',
        rag: 'COMPLETE',
      },
      {
        ref: '1.2',
        text: 'Publish a supervision policy for all social work teams.',
        owners: ['Principal Social Worker'],
        due: '2024-12-31',
        originalDue: null,
        status: 'open',
        rag: 'AMBER',
      },
      {
        ref: '2.1',
        text: 'Track every assessment against the 45-day timescale on the performance dashboard.',
        owners: ['Head of Performance', 'Head of Early Help'],
        due: '2024-12-31',
        originalDue: null,
        status: 'open',
        rag: 'RED',
      },
    ]);
  });

  test("a Word plan whose RAG is only the cells' shading (a fill, a solid pattern's colour), under a grey header, a recommendation merged down", async () => {
    const p = await file('shaded-rag.docx');
    expect(p.title).toBe('Fire Safety in Council Homes: Action Plan');
    expect(p.problems).toEqual([]);
    expect(facts(p)).toEqual([
      {
        ref: '1.1',
        text: 'Survey every block',
        owners: ['Head of Housing'],
        due: '2025-03-31',
        originalDue: null,
        status: 'open',
        rag: 'GREEN',
      },
      {
        ref: '1.2',
        text: 'Publish the survey results',
        owners: ['Head of Communications'],
        due: '2025-06-30',
        originalDue: null,
        status: 'open',
        rag: 'AMBER',
      },
      {
        ref: '2.1',
        text: 'Fit alarms in the remaining homes',
        owners: ['Head of Repairs'],
        due: '2024-12-31',
        originalDue: null,
        status: 'open',
        rag: 'RED',
      },
    ]);
  });

  test('a Word plan in one table whose priorities are grey bands merged across it, each over its numbered actions', async () => {
    const p = await file('priority-bands.docx');
    expect(p.title).toBe('Improving Children’s Services: Post-inspection Action Plan');
    expect(p.problems).toEqual([]);
    expect(p.recommendations.map((r) => [r.ref, r.text])).toEqual([
      ['1', 'Leadership and governance'],
      ['2', 'Quality of practice'],
    ]);
    expect(facts(p)).toEqual([
      {
        ref: '1.1',
        text: 'Appoint a permanent Director of Children’s Services',
        owners: ['Chief Executive'],
        due: '2024-09-30',
        originalDue: null,
        status: 'open',
        rag: 'GREEN',
      },
      {
        ref: '1.2',
        text: 'Report progress against this plan to Cabinet every quarter',
        owners: ['Director of Children’s Services'],
        due: '2024-12-31',
        originalDue: null,
        status: 'open',
        rag: 'AMBER',
      },
      {
        ref: '2.1',
        text: 'Audit 20 case files a month and report themes to the practice board',
        owners: ['Principal Social Worker'],
        due: null,
        originalDue: null,
        status: 'open',
        rag: 'AMBER',
      },
      {
        ref: '2.3',
        text: 'Reduce social worker caseloads to no more than 18',
        owners: ['Head of Children’s Social Care'],
        due: '2025-03-31',
        originalDue: null,
        status: 'open',
        rag: 'RED',
      },
    ]);
  });

  test("an audit committee's appendix: a sheet per audit under a title block, BRAG with the plan's key under each table, priorities, revised and completed dates", async () => {
    const p = await file('committee-appendix.xlsx');
    // Each sheet's title block ends with the sheet's name, which is the part of the plan; the committee's date is not the position's.
    expect([p.title, p.reportDate]).toEqual(['Appendix B: follow-up of internal audit recommendations', undefined]);
    expect(p.recommendations.map((r) => [r.ref, r.section, r.actions[0].priority])).toEqual([
      ['1', 'Payroll 2023-24', 'high'],
      ['2', 'Payroll 2023-24', 'medium'],
      ['3', 'Payroll 2023-24', 'low'],
      ['Cyber 1', 'Cyber security 2024-25', 'high'],
      ['Cyber 2', 'Cyber security 2024-25', 'medium'],
    ]);
    expect(facts(p)).toEqual([
      {
        ref: '1.1',
        text: 'Check every starter against HR records before first pay',
        owners: ['Payroll Manager'],
        due: '2024-09-30',
        originalDue: '2024-03-31',
        status: 'open',
        rag: 'AMBER',
      },
      {
        ref: '2.1',
        text: 'Require line manager approval of overtime in the HR system',
        owners: ['Head of HR'],
        due: '2024-06-30',
        originalDue: null,
        status: 'awaiting_verification',
        rag: 'COMPLETE',
      },
      {
        ref: '3.1',
        text: 'Reconcile leavers with the payroll every month',
        owners: ['Payroll Manager', 'HR Business Partner'],
        due: '2024-12-31',
        originalDue: null,
        status: 'awaiting_verification',
        rag: 'COMPLETE',
      },
      {
        ref: 'Cyber 1.1',
        text: 'Review administrator accounts every quarter',
        owners: ['Head of IT'],
        due: '2025-03-31',
        originalDue: null,
        status: 'open',
        rag: 'RED',
      },
      {
        ref: 'Cyber 2.1',
        text: 'Test a restore from backup twice a year',
        owners: ['IT Infrastructure Manager'],
        due: '2025-03-31',
        originalDue: '2024-09-30',
        status: 'open',
        rag: 'AMBER',
      },
    ]);
    // The key under each table is the plan's key, not text left outside the plan.
    expect(p.problems.map((x) => x.message)).toEqual([
      "ref 1.1 is used more than once — imported as 'Cyber 1.1'",
      "ref 2.1 is used more than once — imported as 'Cyber 2.1'",
      "read 'Revised target date' as the due date; the date in 'Original target date' kept as the original due date",
      "read a date in 'Date completed' as the owner saying the action is done",
      "read GREEN as done, as the plan's key says",
    ]);
  });

  test('a tracker whose status is picked from a drop-down beside a RAG column of its own, the colour with a note after it', async () => {
    const p = await file('status-dropdowns.xlsx');
    expect(p.problems).toEqual([]);
    expect(facts(p).map(({ ref, owners, due, status, rag }) => ({ ref, owners, due, status, rag }))).toEqual([
      {
        ref: 'IA01.1',
        owners: ['Head of Temporary Staffing'],
        due: '2024-07-31',
        status: 'awaiting_verification',
        rag: 'GREEN',
      },
      {
        ref: 'IA02.1',
        owners: ['Deputy Chief Operating Officer'],
        due: '2024-09-30',
        status: 'awaiting_verification',
        rag: 'COMPLETE',
      },
      { ref: 'IA03.1', owners: ['Head of Financial Systems'], due: '2024-12-31', status: 'closed', rag: 'SUPERSEDED' },
      { ref: 'IA04.1', owners: ['Medical Director'], due: '2024-10-31', status: 'open', rag: 'RED' },
      { ref: 'IA05.1', owners: ['Theatres Manager'], due: '2025-01-31', status: 'open', rag: 'AMBER' },
      { ref: 'IA06.1', owners: ['Director of Finance'], due: '2025-03-31', status: 'open', rag: 'GREEN' },
      { ref: 'IA07.1', owners: ['Head of Charity'], due: '2024-06-30', status: 'closed', rag: 'RISK_ACCEPTED' },
    ]);
    expect(p.recommendations[0].actions[0].text).toBe('Reject any bank shift claim without an approved timesheet');
  });

  test('a Word plan of two-column forms, a recommendation each: labels down the left, what was agreed beside them', async () => {
    const p = await file('form-tables.docx');
    expect(p.title).toBe('Fostering Service: Inspection Action Plan');
    expect(p.problems.map((x) => x.message)).toEqual([
      'no plan table: read the plan a recommendation at a time, from labelled lines or two-column forms',
    ]);
    expect(p.recommendations.map((r) => [r.ref, r.text])).toEqual([
      ['1', 'The service should make sure that every child has an up-to-date care plan.'],
      ['2', 'The service should improve the quality of supervision.'],
    ]);
    expect(facts(p)).toEqual([
      {
        ref: '1.1',
        text: 'Review every care plan at the child’s next statutory review',
        owners: ['Head of Children Looked After'],
        due: '2024-12-31',
        originalDue: null,
        status: 'open',
        rag: 'AMBER',
      },
      {
        ref: '2.1',
        text: 'Introduce a supervision audit tool',
        owners: ['Principal Social Worker'],
        due: '2024-12-31',
        originalDue: null,
        status: 'open',
        rag: 'GREEN',
      },
      {
        ref: '2.2',
        text: 'Train every team manager in reflective supervision',
        owners: ['Workforce Development Manager'],
        due: '2025-03-31',
        originalDue: null,
        status: 'open',
        rag: 'RED',
      },
    ]);
    expect(p.recommendations[0].actions[0].updates.map((u) => u.text)).toEqual(['85% of care plans reviewed.']);
  });

  test('a header over two rows, group headings merged over their columns: "Target date" over "Original" and "Revised", "Progress" over "Update" and "Date"', async () => {
    const p = await file('grouped-header.xlsx');
    expect(p.title).toBe('Follow-up of the 2024 fleet management audit');
    expect(facts(p)).toEqual([
      {
        ref: '1.1',
        text: 'Record every daily vehicle check on the fleet app',
        owners: ['Fleet Manager'],
        due: '2025-01-31',
        originalDue: '2024-09-30',
        status: 'open',
        rag: 'AMBER',
      },
      {
        ref: '2.1',
        text: 'Reconcile fuel card statements every month',
        owners: ['Transport Finance Officer'],
        due: '2024-12-31',
        originalDue: null,
        status: 'open',
        rag: 'GREEN',
      },
    ]);
    expect(p.recommendations[0].actions[0].updates.map((u) => [day(u.at), u.text])).toEqual([
      ['2024-11-20', 'App rolled out to two depots of three.'],
    ]);
    expect(p.problems.map((x) => x.message)).toEqual([
      "read 'Revised Target date' as the due date; the date in 'Original Target date' kept as the original due date",
    ]);
  });

  test('a tracker that moves finished actions to a sheet of their own: those are done, and "Open" and "Closed" are no parts of the plan', async () => {
    const p = await file('closed-sheet.xlsx');
    expect(p.title).toBe('Corporate governance review: action tracker');
    expect(p.problems.map((x) => x.message)).toEqual(["read the actions on sheet 'Closed' as done, as its name says"]);
    expect(p.recommendations.map((r) => [r.ref, r.section ?? null])).toEqual([
      ['2', null],
      ['4', null],
      ['1', null],
      ['3', null],
    ]);
    expect(facts(p).map(({ ref, owners, due, status }) => ({ ref, owners, due, status }))).toEqual([
      { ref: '2.1', owners: ['Head of Customer Services'], due: '2025-03-31', status: 'open' },
      { ref: '4.1', owners: ['Monitoring Officer'], due: '2025-06-30', status: 'open' },
      { ref: '1.1', owners: ['Head of Customer Services'], due: '2024-09-30', status: 'awaiting_verification' },
      { ref: '3.1', owners: ['Monitoring Officer'], due: '2024-10-31', status: 'awaiting_verification' },
    ]);
  });

  test("a plan kept in Microsoft Planner as Planner exports it: the plan's name above, a bucket per recommendation, tasks assigned to people, Progress as the status", async () => {
    const p = await file('planner-export.xlsx');
    expect(p.title).toBe('Inspection improvement plan');
    expect(p.recommendations.map((r) => [r.ref, r.text])).toEqual([
      ['1', 'R1 Complaints handling'],
      ['2', 'R2 Training'],
    ]);
    // Without a ref column, actions are numbered through the plan.
    expect(facts(p)).toEqual([
      {
        ref: '1',
        text: 'Publish the revised complaints policy',
        owners: ['Megan Bowen'],
        due: '2024-09-30',
        originalDue: null,
        status: 'awaiting_verification',
        rag: null,
      },
      {
        ref: '2',
        text: 'Report complaint response times to the board monthly',
        owners: ['Megan Bowen', 'Lee Gu'],
        due: '2024-12-31',
        originalDue: null,
        status: 'open',
        rag: null,
      },
      {
        ref: '3',
        text: 'Train front-line staff in the complaints procedure',
        owners: ['Lee Gu'],
        due: '2024-10-31',
        originalDue: null,
        status: 'open',
        rag: null,
      },
      {
        ref: '4',
        text: 'Add complaints training to the induction course',
        owners: ['Adele Vance'],
        due: '2025-03-31',
        originalDue: null,
        status: 'open',
        rag: null,
      },
    ]);
    const actions = p.recommendations.flatMap((r) => r.actions);
    // "Not started" and "In progress" are a status, not progress notes.
    expect(actions.flatMap((a) => a.updates)).toEqual([]);
    expect(actions.map((a) => a.priority)).toEqual(['medium', 'medium', 'high', 'low']);
  });

  test('target dates typed as months ("Sep-24"), which Excel keeps as the 1st and shows as the month, are due at the end of the month', async () => {
    const p = await file('month-dates.xlsx');
    expect(p.recommendations.flatMap((r) => r.actions).map((a) => [a.ref, a.due])).toEqual([
      ['1.1', { text: 'September 2024', date: new Date(Date.UTC(2024, 8, 30)), precision: 'month' }],
      ['2.1', { text: 'March 2025', date: new Date(Date.UTC(2025, 2, 31)), precision: 'month' }],
      ['3.1', { text: '15/6/2025', date: new Date(Date.UTC(2025, 5, 15)), precision: 'day' }],
    ]);
  });

  test('a Word plan whose "No." column is numbered by Word\'s list numbering: each row is its own recommendation, numbered as Word shows it', async () => {
    const p = await file('auto-numbered.docx');
    expect(p.problems).toEqual([]);
    expect(p.recommendations.map((r) => [r.ref, r.text])).toEqual([
      ['1', 'The force should improve the accuracy of its crime recording'],
      ['2', 'The force should review the crimes it cancels'],
      ['3', 'The force should publish its audit results'],
    ]);
    expect(facts(p).map(({ ref, owners, due }) => ({ ref, owners, due }))).toEqual([
      { ref: '1.1', owners: ['Head of Contact Management'], due: '2025-03-31' },
      { ref: '2.1', owners: ['Detective Superintendent'], due: '2025-09-30' },
      { ref: '3.1', owners: ['Head of Corporate Communications'], due: '2025-12-31' },
    ]);
  });

  test('a tracker whose RAG is cell colour alone, under coloured title and section bands', async () => {
    const p = await file('colour-rag.xlsx');
    expect(p.title).toBe('Follow-up of the 2024 data protection audit');
    expect(p.recommendations.map((r) => [r.ref, r.section ?? null])).toEqual([
      ['1', null],
      ['2', null],
      ['3', 'Second line of defence'],
      ['4', 'Second line of defence'],
      ['5', 'Second line of defence'],
    ]);
    expect(facts(p).map((a) => [a.ref, a.status, a.rag])).toEqual([
      ['1.1', 'open', 'RED'],
      ['2.1', 'open', 'AMBER'],
      ['3.1', 'open', 'GREEN'],
      // BRAG's blue: done, for the plan owner to verify.
      ['4.1', 'awaiting_verification', 'COMPLETE'],
      // A grey fill says nothing.
      ['5.1', 'open', null],
    ]);
  });

  test('a Word plan whose recommendation cells are merged down over their actions, with a Blue-means-done key', async () => {
    const p = await file('merged-cells.docx');
    expect(p.title).toBe('Crime Data Integrity: Action Plan');
    expect(p.problems).toEqual([]);
    expect(p.recommendations.map((r) => [r.ref, r.text, r.actions.length])).toEqual([
      ['1', 'The force should improve how it records crime', 2],
      ['2', 'The force should review cancelled crimes', 1],
    ]);
    expect(facts(p)).toEqual([
      {
        ref: '1.1',
        text: 'Train call handlers in the recording rules',
        owners: ['Head of Contact Management'],
        due: '2025-03-31',
        originalDue: null,
        status: 'awaiting_verification',
        rag: 'COMPLETE',
      },
      {
        ref: '1.2',
        text: 'Audit a sample of calls each month',
        owners: ['Force Crime Registrar'],
        due: '2025-06-30',
        originalDue: null,
        status: 'open',
        rag: 'GREEN',
      },
      {
        ref: '2.1',
        text: 'Dip sample cancelled crimes each quarter',
        owners: ['Detective Superintendent'],
        due: '2025-09-30',
        originalDue: null,
        status: 'open',
        rag: 'AMBER',
      },
    ]);
  });

  test('a damaged workbook or document, or one of the other kind under its name, is refused in one line saying what to do', async () => {
    const plans = path.join(__dirname, '../../fixtures/plans');
    const refusal = async (content: Buffer, name: string) => (await parsePlanFile(content, name)).problems;
    for (const [content, name] of [
      [Buffer.from('not a zip at all'), 'plan.xlsx'],
      [Buffer.from('PK\u0003\u0004 cut short'), 'plan.xlsx'],
      [readFileSync(path.join(plans, 'merged-cells.docx')), 'plan.xlsx'],
    ] as const)
      expect(await refusal(content, name)).toEqual([
        {
          file: 'plan.xlsx',
          message:
            'could not read plan.xlsx: it is not an Excel workbook that can be opened (damaged, or another kind of file): open it in Excel and save it as an Excel Workbook (.xlsx)',
          severity: 'error',
        },
      ]);
    for (const content of [Buffer.from('not a zip at all'), readFileSync(path.join(plans, 'audit-tracker.xlsx'))])
      expect(await refusal(content, 'plan.docx')).toEqual([
        {
          file: 'plan.docx',
          message:
            'could not read plan.docx: it is not a Word document that can be opened (damaged, or another kind of file): open it in Word and save it as a Word Document (.docx)',
          severity: 'error',
        },
      ]);
  });
});

describe('plans published as PDF', () => {
  const pdf = (name: string) => parsePlanFile(readFileSync(path.join(__dirname, '../../fixtures/plans', name)), name);

  test('a ruled table under its title, running on over a page break without its header', async () => {
    const p = await pdf('ruled-table.pdf');
    expect(p.title).toBe('Crime Data Integrity Improvement Plan');
    expect(p.problems).toEqual([]);
    expect(
      facts(p).map(({ ref, text, owners, due, status, rag }) => ({ ref, text, owners, due, status, rag })),
    ).toEqual([
      {
        ref: '1.1',
        text: 'Train all call handlers in the recording rules',
        owners: ['Head of Contact Management'],
        due: '2025-03-31',
        status: 'awaiting_verification',
        rag: null,
      },
      {
        ref: '2.1',
        text: 'Publish a monthly audit of incidents',
        owners: ['Head of Crime Registry'],
        due: '2024-09-30',
        status: 'open',
        rag: null,
      },
      {
        ref: '3.1',
        text: 'Dip sample cancelled crimes each quarter',
        owners: ['Force Crime Registrar'],
        due: '2025-09-30',
        status: 'open',
        rag: null,
      },
      {
        ref: '4.1',
        text: 'Introduce a scrutiny panel',
        owners: ['Detective Superintendent'],
        due: '2025-09-30',
        status: 'closed',
        rag: 'RISK_ACCEPTED',
      },
    ]);
  });

  test("a ruled table in narrow columns: a cell's lines that its width broke are one text, an owner per line stays an owner per line", async () => {
    const p = await pdf('ruled-wrapped.pdf');
    expect(p.title).toBe('Public Protection Inspection: Improvement Plan');
    expect(p.problems).toEqual([]);
    expect(p.recommendations.map((r) => r.text)).toEqual([
      'The force should make sure that every referral about a child at risk is assessed within 24 hours',
      'The force should improve how it shares information with its partners in the safeguarding hub',
      'The force should review the supervision of officers who investigate domestic abuse',
      'The force should vet every member of the referral unit',
    ]);
    expect(facts(p)).toEqual([
      {
        ref: '1.1',
        text: 'Train every member of the referral unit in the risk assessment tool and audit a sample each month',
        owners: ['Detective Superintendent, Public Protection'],
        due: '2025-06-30',
        originalDue: null,
        status: 'closed',
        rag: 'RISK_ACCEPTED',
      },
      {
        ref: '2.1',
        text: 'Agree an information sharing protocol with the council and the health board',
        owners: ['Head of Safeguarding', 'Head of Partnerships'],
        due: '2024-09-30',
        originalDue: null,
        status: 'open',
        rag: null,
      },
      {
        ref: '3.1',
        text: 'Publish a supervision standard for Domestic Abuse Investigation Units',
        owners: ['Head of Learning and Development'],
        due: '2025-12-31',
        originalDue: null,
        status: 'awaiting_verification',
        rag: null,
      },
      {
        ref: '4.1',
        text: 'Vet the remaining staff',
        owners: ['Head of HR', 'Head of Vetting'],
        due: '2025-09-30',
        originalDue: null,
        status: 'open',
        rag: null,
      },
    ]);
  });

  test('a ruled table whose ref and recommendation cells are merged down over their actions keeps each action in its columns', async () => {
    const p = await pdf('ruled-merged.pdf');
    expect(p.problems).toEqual([]);
    expect(p.recommendations.map((r) => [r.ref, r.text])).toEqual([
      ['1', 'The force should improve the accuracy of its crime recording'],
      ['2', 'The force should review the crimes it cancels'],
    ]);
    expect(facts(p).map(({ ref, text, owners, due }) => ({ ref, text, owners, due }))).toEqual([
      {
        ref: '1.1',
        text: 'Train every call handler in the recording rules',
        owners: ['Head of Contact Management'],
        due: '2025-03-31',
      },
      { ref: '1.2', text: 'Audit a sample of calls every month', owners: ['Force Crime Registrar'], due: '2025-06-30' },
      { ref: '1.3', text: 'Report the audit results to the board', owners: ['Head of Performance'], due: '2025-09-30' },
      {
        ref: '2.1',
        text: 'Dip sample cancelled crimes each quarter',
        owners: ['Detective Superintendent'],
        due: '2025-09-30',
      },
    ]);
  });

  test('a ruled table of other columns after the plan (a timeline) is left out, and the dry run says so', async () => {
    const p = await pdf('ruled-table-timeline.pdf');
    expect(facts(p).map(({ ref, owners, due }) => ({ ref, owners, due }))).toEqual([
      { ref: '1.1', owners: ['Head of Contact Management'], due: '2025-03-31' },
      { ref: '2.1', owners: ['Head of Crime Registry'], due: '2024-09-30' },
      { ref: '3.1', owners: ['Force Crime Registrar'], due: '2025-09-30' },
      { ref: '4.1', owners: ['Detective Superintendent'], due: '2025-09-30' },
    ]);
    expect(p.problems.map((q) => q.message)).toEqual([
      "left out, as not a plan table: 'Milestone | Date' and the rows under it",
    ]);
  });

  test('a table set out without lines: columns from where the headings stand, wrapped cells joined, over a page break', async () => {
    const p = await pdf('unruled-table.pdf');
    expect(p.title).toBe('Fostering Service Inspection: Action Plan');
    expect(p.problems).toEqual([]);
    expect(p.recommendations.map((r) => r.text)).toEqual([
      'Managers do not record their oversight of decisions',
      'Carers are not told how to raise a complaint',
      'Reviews are late',
      'Carers lack training',
    ]);
    expect(facts(p)).toEqual([
      {
        ref: '1.1',
        text: 'Introduce monthly case audits by team managers',
        owners: ['Head of Safeguarding', 'Head of Quality'],
        due: '2025-03-31',
        originalDue: null,
        status: 'awaiting_verification',
        rag: null,
      },
      {
        ref: '2.1',
        text: 'Publish a complaints guide for foster carers',
        owners: ['J. Smith, Service Manager'],
        due: '2025-12-31',
        originalDue: null,
        status: 'open',
        rag: null,
      },
      {
        ref: '3.1',
        text: 'Hold every review on time',
        owners: ['Independent Reviewing Manager'],
        due: '2025-06-30',
        originalDue: null,
        status: 'open',
        rag: null,
      },
      {
        ref: '4.1',
        text: 'Train all carers in safer caring',
        owners: ['Head of Learning'],
        due: '2025-12-31',
        originalDue: null,
        status: 'open',
        rag: null,
      },
    ]);
  });

  test('recommendations as headings, each over a small unruled table, read as their Markdown does', async () => {
    const p = await pdf('headed-tables.pdf');
    expect(p.problems).toEqual([]);
    expect(facts(p)).toEqual(facts(plan('headed-markdown.md')));
    expect(p.recommendations.map((r) => r.text)).toEqual([
      'The council should publish its inspection results.',
      'The council should train its staff.',
    ]);
  });

  test('tables after the plan are left out and said so; more of the plan on a later page under its header carries on; a row cut by a page break is one row; page numbers and the running title are no rows', async () => {
    const p = await parsePlanFile(await planThenOtherTables(), 'adoption-plan.pdf');
    expect(p.title).toBe('Adoption Service Improvement Plan');
    expect(p.recommendations.map((r) => [r.ref, r.text, r.section ?? null])).toEqual([
      ['1', 'Matching panels are late', null],
      ['2', 'Adopters wait too long for their assessment', null],
      ['3', 'Life story work is late', null],
      ['4', 'Adopters are not asked for feedback', 'Recommendations from the follow-up visit'],
    ]);
    expect(facts(p)).toEqual([
      {
        ref: '1.1',
        text: 'Hold every panel within eight weeks',
        owners: ['Head of Adoption'],
        due: '2025-03-31',
        originalDue: null,
        status: 'open',
        rag: null,
      },
      {
        ref: '2.1',
        text: 'Publish a timetable for every adopter at their first visit',
        owners: ['Panel Adviser'],
        due: '2025-12-31',
        originalDue: null,
        status: 'open',
        rag: null,
      },
      {
        ref: '3.1',
        text: 'Complete a life story book for every child',
        owners: ['Permanence Team Manager'],
        due: '2025-06-30',
        originalDue: null,
        status: 'open',
        rag: null,
      },
      {
        ref: '4.1',
        text: 'Survey every adopter after placement',
        owners: ['Quality Lead'],
        due: '2025-09-30',
        originalDue: null,
        status: 'open',
        rag: null,
      },
    ]);
    expect(p.problems).toEqual([
      {
        file: 'adoption-plan.pdf',
        row: 7,
        message: "left out, as not a plan table: 'Milestone | Date' and the rows under it",
        severity: 'warning',
      },
      {
        file: 'adoption-plan.pdf',
        row: 14,
        message: "left out, as not a plan table: 'Term | Meaning' and the rows under it",
        severity: 'warning',
      },
      {
        file: 'adoption-plan.pdf',
        row: 18,
        message: "left out, as not a plan table: 'Signed: J. Patel | Date: 14 April 2025' and the rows under it",
        severity: 'warning',
      },
    ]);
  });

  test('a password-protected PDF is refused in one line saying so', async () => {
    expect(await pdf('password.pdf')).toMatchObject({
      recommendations: [],
      problems: [
        {
          severity: 'error',
          message: 'could not read password.pdf: it is protected by a password: send a copy saved without one',
        },
      ],
    });
  });

  test('a scan, or a file that is not a PDF, is refused in one line and nothing is read', async () => {
    expect((await pdf('scanned.pdf')).problems).toEqual([
      expect.objectContaining({ severity: 'error', message: expect.stringContaining('has no text to read (a scan?)') }),
    ]);
    const broken = await parsePlanFile(Buffer.from('not a pdf at all'), 'plan.pdf');
    expect(broken).toMatchObject({
      recommendations: [],
      problems: [{ severity: 'error', message: expect.stringMatching(/^could not read plan\.pdf: /) }],
    });
  });
});

describe('tables after the plan', () => {
  const md = (...tables: string[][][]) =>
    tables.map((rows) => rows.map((cells) => `| ${cells.join(' | ')} |`).join('\n')).join('\n\nNext\n\n');
  const separator = (n: number) => Array.from({ length: n }, () => '---');
  const PLAN = [
    ['Ref', 'Recommendation', 'Action', 'Action owner', 'Due date'],
    separator(5),
    ['1', 'Improve records', 'Audit records monthly', 'Head of IT', '30/06/2025'],
    ['2', 'Train staff', 'Train all call handlers', 'Head of HR', '31/12/2025'],
  ];
  const LEFT_HALF = [
    ['Ref', 'Recommendation', 'Action'],
    separator(3),
    ['1', 'Improve records', 'Audit records monthly'],
    ['2', 'Train staff', 'Train all call handlers'],
    ['3', 'Publish results', 'Publish results quarterly'],
  ];
  const read = (text: string) => {
    const p = parsePlan(Buffer.from(text), 'plan.md');
    return {
      actions: facts(p).map(({ ref, owners, due, rag }) => ({ ref, owners, due, rag })),
      warnings: p.problems.filter((x) => x.message.startsWith('left out')).map((x) => x.message),
    };
  };
  const planAsWritten = [
    { ref: '1.1', owners: ['Head of IT'], due: '2025-06-30', rag: null },
    { ref: '2.1', owners: ['Head of HR'], due: '2025-12-31', rag: null },
  ];

  test("a timeline with owners and dates of its own, as many rows as the plan, leaves the plan's owners and dates alone", () => {
    const timeline = [
      ['Milestone', 'Owner', 'Date', 'Status'],
      separator(4),
      ['Board review', 'Chief Executive', '01/05/2025', 'Open'],
      ['Final report', 'Head of Audit', '01/09/2025', 'Open'],
    ];
    expect(read(md(PLAN, timeline))).toEqual({
      actions: planAsWritten,
      warnings: ["left out, as not a plan table: 'Milestone | Owner | Date | Status' and the rows under it"],
    });
  });

  test('a table of only the columns the plan lacks is its right-hand half when its rows line up, and left out when they do not', () => {
    const right = (...rows: string[][]) => [['Action owner', 'Due date', 'RAG status'], separator(3), ...rows];
    expect(
      read(
        md(
          LEFT_HALF,
          right(
            ['Head of IT', '30/06/2025', 'Green'],
            ['Head of HR', '31/12/2025', 'Amber'],
            ['Head of Comms', '31/03/2026', 'Red'],
          ),
        ),
      ),
    ).toEqual({
      actions: [
        { ref: '1.1', owners: ['Head of IT'], due: '2025-06-30', rag: 'GREEN' },
        { ref: '2.1', owners: ['Head of HR'], due: '2025-12-31', rag: 'AMBER' },
        { ref: '3.1', owners: ['Head of Comms'], due: '2026-03-31', rag: 'RED' },
      ],
      warnings: [],
    });
    const risks = right(['Chief Executive', '01/05/2025', 'Red'], ['Head of Audit', '01/09/2025', 'Amber']);
    expect(read(md(LEFT_HALF, risks))).toEqual({
      actions: ['1.1', '2.1', '3.1'].map((ref) => ({ ref, owners: [], due: null, rag: null })),
      warnings: ["left out, as not a plan table: 'Action owner | Due date | RAG status' and the rows under it"],
    });
  });

  test('a right-hand half that repeats the refs fills in the rows it names, however many', () => {
    const right = [
      ['Ref', 'Action owner', 'Due date'],
      separator(3),
      ['2', 'Head of HR', '31/12/2025'],
      ['3', 'Head of Comms', '31/03/2026'],
    ];
    expect(read(md(LEFT_HALF, right))).toEqual({
      actions: [
        { ref: '1.1', owners: [], due: null, rag: null },
        { ref: '2.1', owners: ['Head of HR'], due: '2025-12-31', rag: null },
        { ref: '3.1', owners: ['Head of Comms'], due: '2026-03-31', rag: null },
      ],
      warnings: [],
    });
  });

  test("a table without a header carries on the plan when its rows read as the plan's: refs of its kind, dates under its dates", () => {
    const more = [
      ['3', 'Publish results', 'Publish results quarterly', 'Head of Comms', '31/03/2026'],
      ['', '', 'Report them to the board', 'Head of Comms', 'Q1 2026/27'],
    ];
    expect(read(md(PLAN, more))).toEqual({
      actions: [
        ...planAsWritten,
        { ref: '3.1', owners: ['Head of Comms'], due: '2026-03-31', rag: null },
        { ref: '3.2', owners: ['Head of Comms'], due: '2026-06-30', rag: null },
      ],
      warnings: [],
    });
  });

  test("a table without a header whose rows are not the plan's (phases, a date where the owner goes) is left out", () => {
    const phases = [
      ['Phase 1', 'Agree the scope', 'Programme Board', 'June 2024'],
      ['Phase 2', 'Deliver', 'Programme Board', 'March 2025'],
    ];
    const dates = [['4', 'Publish', 'Publish results', 'June 2024', 'Head of Comms']];
    expect(read(md(PLAN, [...phases.map((r) => [...r, ''])], dates))).toEqual({
      actions: planAsWritten,
      warnings: [
        "left out, as not a plan table: 'Phase 1 | Agree the scope | Programme Board | June 2024' and the rows under it",
        "left out, as not a plan table: '4 | Publish | Publish results | June 2024 | Head of Comms' and the rows under it",
      ],
    });
  });

  test("in Word, a table after the plan with no header is left out, and one whose rows read as the plan's carries it on", async () => {
    const table = (rows: string[][]) =>
      new Table({
        rows: rows.map(
          (cells) =>
            new TableRow({ children: cells.map((text) => new TableCell({ children: [new Paragraph(text)] })) }),
        ),
      });
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph('Improvement plan'),
            table([PLAN[0], ...PLAN.slice(2)]),
            table([['Phase 1', 'June 2024', '', '', '']]),
            new Paragraph(''),
            table([['3', 'Publish results', 'Publish results quarterly', 'Head of Comms', '31/03/2026']]),
          ],
        },
      ],
    });
    const p = await parsePlanFile(await Packer.toBuffer(doc), 'plan.docx');
    expect(facts(p).map(({ ref, owners, due }) => ({ ref, owners, due }))).toEqual([
      { ref: '1.1', owners: ['Head of IT'], due: '2025-06-30' },
      { ref: '2.1', owners: ['Head of HR'], due: '2025-12-31' },
      { ref: '3.1', owners: ['Head of Comms'], due: '2026-03-31' },
    ]);
    expect(p.problems.map((x) => x.message)).toEqual([
      "left out, as not a plan table: 'Phase 1 | June 2024' and the rows under it",
    ]);
  });
});
