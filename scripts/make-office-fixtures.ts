/**
 * `npx tsx scripts/make-office-fixtures.ts`: writes the Excel and Word plans the importer's tests read
 * (test/fixtures/plans/*.xlsx, *.docx) in layouts plans are kept in: an internal-audit tracker with one sheet
 * per audit (numbering restarting on each), a title block, the plan's own colour key, real date cells, revised
 * target dates and a date-completed column; an inspectorate action plan in Word whose recommendation cells are
 * merged down over their actions; a tracker whose RAG is cell colour alone, under a coloured title band and
 * section bands; a Word plan of "Priority N:" headings, each over a small table whose action cells hold
 * their responsible officer and agreed date; an audit committee's appendix, a sheet per audit with the BRAG key
 * under each table; a plan in one Word table whose priorities are bands merged across it; a tracker whose status
 * is picked from a drop-down beside a RAG column of its own; a Word plan of two-column forms, a recommendation each;
 * a tracker whose header runs over two rows, group headings merged over their columns; a tracker that moves
 * finished actions to a sheet of their own; a plan kept in Microsoft Planner, as Planner exports it; target dates
 * typed as months, which Excel keeps as the 1st and shows as the month; a Word plan numbered by Word's lists; a
 * Word plan whose RAG is cell shading alone. Committed with their output so the tests need no generator; a rerun writes
 * the same content (only the zip's file times differ).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  AlignmentType,
  Document,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalMergeType,
  WidthType,
} from 'docx';
import Excel from 'exceljs';

const OUT = path.join(__dirname, '../test/fixtures/plans');
const FIXED = new Date('2025-01-01T00:00:00Z');
const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

const TRACKER_HEADER = [
  'Ref',
  'Finding',
  'Agreed action',
  'Responsible officer',
  'Original target date',
  'Revised target date',
  'Date completed',
  'Status',
];

async function auditTracker(): Promise<Buffer> {
  const book = new Excel.Workbook();
  book.created = FIXED;
  book.modified = FIXED;
  const sheets: [string, (string | Date | null)[][]][] = [
    [
      'Payroll',
      [
        [
          '1',
          'Starters are paid before checks',
          'Check every starter before first pay',
          'Payroll Manager',
          day(2024, 9, 30),
          day(2025, 3, 31),
          null,
          'AMBER',
        ],
        [
          '2',
          'Overtime is not authorised',
          'Authorise overtime in the HR system',
          'Head of HR & Head of Finance',
          day(2024, 6, 30),
          null,
          day(2024, 6, 12),
          'GREEN',
        ],
      ],
    ],
    [
      'Procurement',
      [
        [
          '1',
          'Waivers are not logged',
          'Keep a register of waivers',
          'Head of Procurement',
          day(2024, 12, 31),
          null,
          null,
          'RED',
        ],
        [
          '2',
          'Contracts lack an owner',
          'Name an owner for every contract',
          'J. Smith, Director of Resources',
          day(2025, 3, 31),
          null,
          null,
          'AMBER',
        ],
      ],
    ],
  ];
  for (const [name, rows] of sheets) {
    const sheet = book.addWorksheet(name);
    sheet.addRow([`Internal audit: ${name} — agreed actions`]);
    sheet.mergeCells(1, 1, 1, TRACKER_HEADER.length);
    sheet.addRow(['Key: GREEN = implemented; AMBER = in progress; RED = overdue']);
    sheet.addRow([]);
    sheet.addRow(TRACKER_HEADER);
    for (const row of rows) sheet.addRow(row);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

type Fill = { argb: string } | { theme: number };

/** RAG as colour alone: the RAG cells are empty and filled; bands above and between are filled too. */
async function colourTracker(): Promise<Buffer> {
  const book = new Excel.Workbook();
  book.created = FIXED;
  book.modified = FIXED;
  const sheet = book.addWorksheet('Tracker');
  const solid = (row: number, column: number, colour: Fill) => {
    sheet.getCell(row, column).fill = { type: 'pattern', pattern: 'solid', fgColor: colour };
  };
  const band = (text: string, colour: Fill) => {
    const row = sheet.addRow([text]).number;
    sheet.mergeCells(row, 1, row, 6);
    solid(row, 1, colour);
  };
  band('Follow-up of the 2024 data protection audit', { argb: 'FF1F4E79' });
  sheet.addRow(['Ref', 'Recommendation', 'Agreed action', 'Owner', 'Due', 'RAG']);
  const actions: [string, string, string, string, Date, Fill | null][] = [
    [
      '1',
      'Subject access requests run late',
      'Track every request on one log',
      'Information Manager',
      day(2025, 3, 31),
      { argb: 'FFFF0000' },
    ],
    [
      '2',
      'Retention rules are not applied',
      'Apply the retention schedule to shared drives',
      'Head of IT',
      day(2025, 6, 30),
      { theme: 7 },
    ],
    [
      '3',
      'Training records are incomplete',
      'Record data protection training for all staff',
      'HR Manager',
      day(2025, 9, 30),
      { argb: 'FF00B050' },
    ],
    [
      '4',
      'Breaches are reported late',
      'Publish the breach reporting procedure',
      'Data Protection Officer',
      day(2024, 12, 31),
      { argb: 'FF0070C0' },
    ],
    [
      '5',
      'Contracts lack data clauses',
      'Add data clauses to new contracts',
      'Head of Procurement',
      day(2025, 12, 31),
      { argb: 'FFD9D9D9' },
    ],
  ];
  for (const [i, [ref, rec, action, owner, due, colour]] of actions.entries()) {
    if (i === 2) band('Second line of defence', { argb: 'FF92D050' });
    const row = sheet.addRow([ref, rec, action, owner, due, null]).number;
    if (colour) solid(row, 6, colour);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

const cell = (text: string, merge?: (typeof VerticalMergeType)[keyof typeof VerticalMergeType]) =>
  new TableCell({
    children: [new Paragraph({ children: [new TextRun(text)] })],
    ...(merge ? { verticalMerge: merge } : {}),
  });

async function inspectionPlan(): Promise<Buffer> {
  const header = ['Ref', 'Recommendation', 'Action', 'Lead officer', 'By when', 'RAG'];
  const rows = [
    [
      '1',
      'The force should improve how it records crime',
      'Train call handlers in the recording rules',
      'Head of Contact Management',
      'Mar-25',
      'Blue',
    ],
    ['', '', 'Audit a sample of calls each month', 'Force Crime Registrar', 'Q1 2025/26', 'Green'],
    [
      '2',
      'The force should review cancelled crimes',
      'Dip sample cancelled crimes each quarter',
      'Detective Superintendent',
      '30 Sept 2025',
      'Amber',
    ],
  ];
  const table = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ children: header.map((h) => cell(h)) }),
      // The recommendation's ref and text are one cell merged down over both its actions.
      ...rows.map(
        (row, r) =>
          new TableRow({
            children: row.map((text, c) =>
              c < 2 && r < 2
                ? cell(text, r === 0 ? VerticalMergeType.RESTART : VerticalMergeType.CONTINUE)
                : cell(text),
            ),
          }),
      ),
    ],
  });
  const doc = new Document({
    creator: 'Chaser fixtures',
    sections: [
      {
        children: [
          new Paragraph({ children: [new TextRun({ text: 'Crime Data Integrity: Action Plan', bold: true })] }),
          new Paragraph('Key: Blue = completed and assured; Green = on track; Amber = at risk; Red = off track'),
          table,
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/**
 * A Word plan whose RAG column is only colour, as Word's cell shading: an empty cell shaded green, amber or
 * red (one as Word's clear pattern with a fill, one as a solid pattern in a colour, a shade of red), a grey
 * header row, and a recommendation merged down over its two actions.
 */
async function shadedRagPlan(): Promise<Buffer> {
  const header = ['Ref', 'Recommendation', 'Action', 'Lead officer', 'By when', 'RAG'];
  const rows: [string[], { type: (typeof ShadingType)[keyof typeof ShadingType]; colour: string }][] = [
    [
      [
        '1',
        'The council should know which homes lack a fire risk assessment',
        'Survey every block',
        'Head of Housing',
        '31/03/2025',
      ],
      { type: ShadingType.CLEAR, colour: '00B050' },
    ],
    [
      ['', '', 'Publish the survey results', 'Head of Communications', '30/06/2025'],
      { type: ShadingType.SOLID, colour: 'FFC000' },
    ],
    [
      [
        '2',
        'The council should fit smoke alarms in all its homes',
        'Fit alarms in the remaining homes',
        'Head of Repairs',
        '31/12/2024',
      ],
      { type: ShadingType.CLEAR, colour: 'C00000' },
    ],
  ];
  const grey = { type: ShadingType.CLEAR, color: 'auto', fill: 'D9D9D9' };
  const table = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({
        children: header.map(
          (h) => new TableCell({ shading: grey, children: [new Paragraph({ children: [new TextRun(h)] })] }),
        ),
      }),
      ...rows.map(
        ([texts, rag], r) =>
          new TableRow({
            children: [
              ...texts.map((text, c) =>
                c < 2 && r < 2
                  ? cell(text, r === 0 ? VerticalMergeType.RESTART : VerticalMergeType.CONTINUE)
                  : cell(text),
              ),
              new TableCell({
                shading:
                  rag.type === ShadingType.SOLID
                    ? { type: rag.type, color: rag.colour, fill: 'auto' }
                    : { type: rag.type, color: 'auto', fill: rag.colour },
                children: [new Paragraph('')],
              }),
            ],
          }),
      ),
    ],
  });
  const doc = new Document({
    creator: 'Chaser fixtures',
    sections: [
      {
        children: [
          new Paragraph({ children: [new TextRun({ text: 'Fire Safety in Council Homes: Action Plan', bold: true })] }),
          table,
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

const APPENDIX_HEADER = [
  'No.',
  'Recommendation',
  'Priority',
  'Agreed management action',
  'Responsible officer',
  'Original target date',
  'Revised target date',
  'Date completed',
  'BRAG',
  'Progress reported by management',
];

/**
 * An audit committee's appendix of recommendations followed up, exported from the internal auditors' workbook:
 * a sheet per audit, each under a title block, numbering from 1, the BRAG key under the table.
 */
async function committeeAppendix(): Promise<Buffer> {
  const book = new Excel.Workbook();
  book.created = FIXED;
  book.modified = FIXED;
  const audits: [string, (string | Date | null)[][]][] = [
    [
      'Payroll 2023-24',
      [
        [
          '1',
          'Starters should be checked before their first pay',
          'High',
          'Check every starter against HR records before first pay',
          'Payroll Manager',
          day(2024, 3, 31),
          day(2024, 9, 30),
          null,
          'Amber',
          'Checks in place for new starters; the backlog is being cleared.',
        ],
        [
          '2',
          'Overtime claims should be authorised',
          'Medium',
          'Require line manager approval of overtime in the HR system',
          'Head of HR',
          day(2024, 6, 30),
          null,
          day(2024, 6, 12),
          'Green',
          'System change made in June.',
        ],
        [
          '3',
          'Leavers should be removed from the payroll promptly',
          'Low',
          'Reconcile leavers with the payroll every month',
          'Payroll Manager; HR Business Partner',
          day(2024, 12, 31),
          null,
          null,
          'Blue',
          'Verified by Internal Audit in November.',
        ],
      ],
    ],
    [
      'Cyber security 2024-25',
      [
        [
          '1',
          'Administrator accounts should be reviewed',
          'High',
          'Review administrator accounts every quarter',
          'Head of IT',
          'Q4 2024/25',
          null,
          null,
          'Red',
          'Not started: staff moved to the network upgrade.',
        ],
        [
          '2',
          'Backups should be tested',
          'Medium',
          'Test a restore from backup twice a year',
          'IT Infrastructure Manager',
          day(2024, 9, 30),
          day(2025, 3, 31),
          null,
          'Amber',
          null,
        ],
      ],
    ],
  ];
  for (const [name, rows] of audits) {
    const sheet = book.addWorksheet(name);
    sheet.addRow(['Audit and Governance Committee, 24 September 2024']);
    sheet.addRow([`Appendix B: follow-up of internal audit recommendations — ${name}`]);
    sheet.addRow([]);
    sheet.addRow(APPENDIX_HEADER);
    for (const row of rows) sheet.addRow(row);
    sheet.addRow([]);
    sheet.addRow([
      'Key: Blue = implemented and verified by Internal Audit; Green = implemented, awaiting verification; Amber = in progress; Red = overdue or not started',
    ]);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

const STATUSES = [
  'Not started',
  'In progress',
  'Not yet due',
  'Action complete',
  'Transferred to BAU',
  'Merged with another action',
  'Cancelled',
  'Accepted risk',
];

/**
 * A trust's tracker of internal audit actions, where the status is picked from a drop-down list and the RAG,
 * in a column of its own, carries a note after its colour.
 */
async function statusDropdowns(): Promise<Buffer> {
  const book = new Excel.Workbook();
  book.created = FIXED;
  book.modified = FIXED;
  const sheet = book.addWorksheet('Actions');
  sheet.addRow(['Internal audit actions tracker 2024/25']);
  sheet.addRow(['Ref', 'Audit finding', 'Management action', 'Action owner', 'Due date', 'Status', 'RAG', 'Comments']);
  const rows: (string | Date)[][] = [
    [
      'IA01',
      'Bank staff are paid without a signed timesheet',
      'Reject any bank shift claim without an approved timesheet',
      'Head of Temporary Staffing',
      day(2024, 7, 31),
      'Action complete',
      'Green - complete',
      'Control live from July.',
    ],
    [
      'IA02',
      'Waiting list validation is not documented',
      'Record every validation call on the patient administration system',
      'Deputy Chief Operating Officer',
      day(2024, 9, 30),
      'Transferred to BAU',
      'Blue',
      '',
    ],
    [
      'IA03',
      'The old finance system has no audit trail',
      'Turn on audit logging in the finance system',
      'Head of Financial Systems',
      day(2024, 12, 31),
      'Cancelled',
      '',
      'The system is being replaced by the new ERP.',
    ],
    [
      'IA04',
      'Consultant job plans are out of date',
      'Sign off every consultant job plan for the year',
      'Medical Director',
      day(2024, 10, 31),
      'In progress',
      'Red - overdue',
      '60% signed off.',
    ],
    [
      'IA05',
      'Theatre stock is not reconciled',
      'Reconcile theatre stock every month',
      'Theatres Manager',
      day(2025, 1, 31),
      'In progress',
      'Amber - at risk',
      '',
    ],
    [
      'IA06',
      'Agency spend is not reported to the board',
      'Report agency spend to the Finance Committee monthly',
      'Director of Finance',
      day(2025, 3, 31),
      'Not yet due',
      'Green - on track',
      '',
    ],
    [
      'IA07',
      'Charitable funds are not reviewed',
      'Review charitable fund balances each year',
      'Head of Charity',
      day(2024, 6, 30),
      'Accepted risk',
      '',
      'The Audit Committee accepted the risk in May.',
    ],
  ];
  for (const row of rows) sheet.addRow(row);
  for (let r = 3; r < 3 + rows.length; r++)
    sheet.getCell(r, 6).dataValidation = {
      type: 'list',
      allowBlank: true,
      formulae: [`"${STATUSES.join(',')}"`],
    };
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** A cell of several paragraphs, as Word keeps lines typed with Enter inside a cell. */
const lines = (...texts: string[]) =>
  new TableCell({ children: texts.map((text) => new Paragraph({ children: [new TextRun(text)] })) });

/**
 * An inspectorate's action plan as councils write it in Word: the plan's key above, then each "Priority N:"
 * area as a heading with what the inspectors said under it, over a small table of its own; who answers for
 * an action and by when are lines inside the action's cell.
 */
async function priorityPlan(): Promise<Buffer> {
  const priorities: [string, string, string[][]][] = [
    [
      'Priority 1: Strengthen management oversight of casework',
      'Inspectors found that managers do not consistently record their oversight of decisions.',
      [
        [
          '1.1 Introduce monthly case audits by team managers.',
          'Responsible officer: Head of Service, Children in Need',
          'Agreed date: 30 Sept 2024',
          'Audits started in May; every team audited by July.',
          'Green',
        ],
        [
          '1.2 Publish a supervision policy for all social work teams.',
          'Responsible officer: Principal Social Worker',
          'Agreed date: Q3 2024/25',
          'Draft with the Practice Board.',
          'Amber',
        ],
      ],
    ],
    [
      'Priority 2: Improve the timeliness of assessments',
      'Too many assessments take longer than 45 working days.',
      [
        [
          '2.1 Track every assessment against the 45-day timescale on the performance dashboard.',
          'Responsible officer: Head of Performance & Head of Early Help',
          'Agreed date: End of December 2024',
          '',
          'Red',
        ],
      ],
    ],
  ];
  const children: (Paragraph | Table)[] = [
    new Paragraph({ children: [new TextRun({ text: "Children's Services Inspection: Action Plan", bold: true })] }),
    new Paragraph('Date of inspection: 12 March 2024'),
    new Paragraph('Key: RED = not started; AMBER = in progress; GREEN = implemented'),
  ];
  for (const [heading, finding, actions] of priorities) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(heading)] }));
    children.push(new Paragraph(finding));
    children.push(
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: [
          new TableRow({ children: ['Action', 'Progress update', 'RAG'].map((h) => cell(h)) }),
          ...actions.map(
            ([action, officer, date, progress, rag]) =>
              new TableRow({ children: [lines(action, officer, date), cell(progress), cell(rag)] }),
          ),
        ],
      }),
    );
  }
  return Packer.toBuffer(new Document({ creator: 'Chaser fixtures', sections: [{ children }] }));
}

/**
 * A post-inspection plan in one Word table: each priority a grey band across the table, merged over every
 * column, the actions under it numbered within it.
 */
async function priorityBands(): Promise<Buffer> {
  const header = ['Ref', 'Action', 'Lead', 'Timescale', 'Success measure', 'RAG'];
  const band = (text: string) =>
    new TableRow({
      children: [
        new TableCell({
          columnSpan: header.length,
          shading: { type: ShadingType.SOLID, color: 'D9D9D9', fill: 'D9D9D9' },
          children: [new Paragraph({ children: [new TextRun({ text, bold: true })] })],
        }),
      ],
    });
  const row = (cells: string[]) => new TableRow({ children: cells.map((text) => cell(text)) });
  const table = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      row(header),
      band('Priority 1: Leadership and governance'),
      row([
        '1.1',
        'Appoint a permanent Director of Children’s Services',
        'Chief Executive',
        'Sep-24',
        'Director in post',
        'Green',
      ]),
      row([
        '1.2',
        'Report progress against this plan to Cabinet every quarter',
        'Director of Children’s Services',
        'Q3 2024/25',
        'Reports received by Cabinet',
        'Amber',
      ]),
      band('Priority 2: Quality of practice'),
      row([
        '2.1',
        'Audit 20 case files a month and report themes to the practice board',
        'Principal Social Worker',
        'Ongoing',
        'Audit grades improve',
        'Amber',
      ]),
      // 2.2 was dropped from the plan; the numbers stand as agreed.
      row([
        '2.3',
        'Reduce social worker caseloads to no more than 18',
        'Head of Children’s Social Care',
        'March 2025',
        'Average caseload of 18 or fewer',
        'Red',
      ]),
    ],
  });
  const title = 'Improving Children’s Services: Post-inspection Action Plan';
  return Packer.toBuffer(
    new Document({
      creator: 'Chaser fixtures',
      sections: [{ children: [new Paragraph({ children: [new TextRun({ text: title, bold: true })] }), table] }],
    }),
  );
}

/**
 * An action plan made from a Word template: each recommendation a two-column form, its labels down the left
 * and what was agreed beside them, with a second action as more rows of the same form.
 */
async function formTables(): Promise<Buffer> {
  const forms: [string, string][][] = [
    [
      ['Recommendation 1', 'The service should make sure that every child has an up-to-date care plan.'],
      ['Action', 'Review every care plan at the child’s next statutory review'],
      ['Lead officer', 'Head of Children Looked After'],
      ['Timescale', 'December 2024'],
      ['Progress', '85% of care plans reviewed.'],
      ['RAG', 'Amber'],
    ],
    [
      ['Recommendation 2', 'The service should improve the quality of supervision.'],
      ['Action', 'Introduce a supervision audit tool'],
      ['Lead officer', 'Principal Social Worker'],
      ['Timescale', 'Q3 2024/25'],
      ['RAG', 'Green'],
      ['Action', 'Train every team manager in reflective supervision'],
      ['Lead officer', 'Workforce Development Manager'],
      ['Timescale', 'March 2025'],
      ['RAG', 'Red'],
    ],
  ];
  const children: (Paragraph | Table)[] = [
    new Paragraph({ children: [new TextRun({ text: 'Fostering Service: Inspection Action Plan', bold: true })] }),
  ];
  for (const form of forms) {
    children.push(
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: form.map(([label, value]) => new TableRow({ children: [cell(label), cell(value)] })),
      }),
      new Paragraph(''),
    );
  }
  return Packer.toBuffer(new Document({ creator: 'Chaser fixtures', sections: [{ children }] }));
}

/**
 * A tracker whose header runs over two rows: "Target date" merged over its "Original" and "Revised" columns,
 * "Progress" over "Update" and "Date", as auditors lay out a follow-up of recommendations.
 */
async function groupedHeader(): Promise<Buffer> {
  const book = new Excel.Workbook();
  book.created = FIXED;
  book.modified = FIXED;
  const sheet = book.addWorksheet('Follow-up');
  sheet.addRow(['Follow-up of the 2024 fleet management audit']);
  sheet.addRow([
    'Ref',
    'Recommendation',
    'Agreed action',
    'Responsible officer',
    'Target date',
    null,
    'Progress',
    null,
    'RAG',
  ]);
  sheet.addRow([null, null, null, null, 'Original', 'Revised', 'Update', 'Date', null]);
  sheet.mergeCells(2, 5, 2, 6);
  sheet.mergeCells(2, 7, 2, 8);
  const rows: (string | Date | null)[][] = [
    [
      '1',
      'Vehicle checks are not recorded',
      'Record every daily vehicle check on the fleet app',
      'Fleet Manager',
      day(2024, 9, 30),
      day(2025, 1, 31),
      'App rolled out to two depots of three.',
      day(2024, 11, 20),
      'Amber',
    ],
    [
      '2',
      'Fuel cards are not reconciled',
      'Reconcile fuel card statements every month',
      'Transport Finance Officer',
      day(2024, 12, 31),
      null,
      'Reconciliations done since October.',
      day(2024, 11, 20),
      'Green',
    ],
  ];
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** A tracker that moves finished actions to a sheet of their own, as many keep one: "Open" and "Closed". */
async function closedSheet(): Promise<Buffer> {
  const book = new Excel.Workbook();
  book.created = FIXED;
  book.modified = FIXED;
  const header = ['Ref', 'Recommendation', 'Action', 'Owner', 'Due date', 'Update'];
  const sheets: [string, (string | Date)[][]][] = [
    [
      'Open',
      [
        [
          '2',
          'Complaints are answered late',
          'Report complaint response times to the board monthly',
          'Head of Customer Services',
          day(2025, 3, 31),
          'First report due in January.',
        ],
        [
          '4',
          'Staff do not know the whistleblowing policy',
          'Brief every team on the whistleblowing policy',
          'Monitoring Officer',
          day(2025, 6, 30),
          '',
        ],
      ],
    ],
    [
      'Closed',
      [
        [
          '1',
          'The complaints policy is out of date',
          'Publish a revised complaints policy',
          'Head of Customer Services',
          day(2024, 9, 30),
          'Published in September.',
        ],
        [
          '3',
          'Gifts and hospitality are not recorded',
          'Open an online gifts and hospitality register',
          'Monitoring Officer',
          day(2024, 10, 31),
          'Register live since October.',
        ],
      ],
    ],
  ];
  for (const [name, rows] of sheets) {
    const sheet = book.addWorksheet(name);
    sheet.addRow(['Corporate governance review: action tracker']);
    sheet.addRow(header);
    for (const row of rows) sheet.addRow(row);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** A plan kept in Microsoft Planner, exported to Excel: the plan's name above, a bucket per recommendation. */
async function plannerExport(): Promise<Buffer> {
  const book = new Excel.Workbook();
  book.created = FIXED;
  book.modified = FIXED;
  const sheet = book.addWorksheet('Inspection improvement plan');
  sheet.addRow(['Plan name', 'Inspection improvement plan']);
  sheet.addRow(['Plan ID', 'Yk3Ls9Qz0E2bX1cD']);
  sheet.addRow(['Date of export', '05/11/2024']);
  sheet.addRow([]);
  sheet.addRow([
    'Task ID',
    'Task Name',
    'Bucket Name',
    'Progress',
    'Priority',
    'Assigned To',
    'Created By',
    'Created Date',
    'Start date',
    'Due date',
    'Is Recurring',
    'Late',
    'Completed Date',
    'Completed By',
    'Description',
  ]);
  const task = (
    id: string,
    name: string,
    bucket: string,
    progress: string,
    priority: string,
    to: string,
    due: string,
    late: boolean,
    done = '',
  ) => [
    id,
    name,
    bucket,
    progress,
    priority,
    to,
    'Alex Wilber',
    '02/09/2024',
    '',
    due,
    'false',
    String(late),
    done,
    done ? to : '',
    '',
  ];
  for (const row of [
    task(
      'Ta1',
      'Publish the revised complaints policy',
      'R1 Complaints handling',
      'Completed',
      'Important',
      'Megan Bowen',
      '30/09/2024',
      false,
      '27/09/2024',
    ),
    task(
      'Ta2',
      'Report complaint response times to the board monthly',
      'R1 Complaints handling',
      'In progress',
      'Medium',
      'Megan Bowen;Lee Gu',
      '31/12/2024',
      false,
    ),
    task(
      'Ta3',
      'Train front-line staff in the complaints procedure',
      'R2 Training',
      'Not started',
      'Urgent',
      'Lee Gu',
      '31/10/2024',
      true,
    ),
    task(
      'Ta4',
      'Add complaints training to the induction course',
      'R2 Training',
      'In progress',
      'Low',
      'Adele Vance',
      '31/03/2025',
      false,
    ),
  ])
    sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/**
 * A tracker whose target dates were typed as months ("Sep-24"), which Excel stores as the 1st of the month and
 * shows in a month format; and one typed as a day.
 */
async function monthDates(): Promise<Buffer> {
  const book = new Excel.Workbook();
  book.created = FIXED;
  book.modified = FIXED;
  const sheet = book.addWorksheet('Plan');
  sheet.addRow(['Ref', 'Recommendation', 'Action', 'Owner', 'Target date']);
  const rows: [string, string, string, string, Date, string][] = [
    ['1', 'Improve records', 'Audit records monthly', 'Head of IT', day(2024, 9, 1), 'mmm-yy'],
    ['2', 'Train staff', 'Train all call handlers', 'Head of HR', day(2025, 3, 1), 'mmmm yyyy'],
    ['3', 'Publish results', 'Publish results quarterly', 'Head of Comms', day(2025, 6, 15), 'dd/mm/yyyy'],
  ];
  for (const [ref, rec, action, owner, due, format] of rows) {
    const row = sheet.addRow([ref, rec, action, owner, due]);
    row.getCell(5).numFmt = format;
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** A Word plan whose "No." column is numbered by Word's list numbering, so no cell holds its number as text. */
async function autoNumbered(): Promise<Buffer> {
  const numberedCell = () =>
    new TableCell({
      children: [new Paragraph({ numbering: { reference: 'recommendations', level: 0 }, children: [] })],
    });
  const rows = [
    [
      'The force should improve the accuracy of its crime recording',
      'Train call handlers in the recording rules',
      'Head of Contact Management',
      'Mar-25',
    ],
    [
      'The force should review the crimes it cancels',
      'Dip sample cancelled crimes each quarter',
      'Detective Superintendent',
      'Sep-25',
    ],
    [
      'The force should publish its audit results',
      'Publish each audit on the force website',
      'Head of Corporate Communications',
      'Dec-25',
    ],
  ];
  const table = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({
        children: ['No.', 'Recommendation', 'Action', 'Lead officer', 'Target date'].map((h) => cell(h)),
      }),
      ...rows.map((row) => new TableRow({ children: [numberedCell(), ...row.map((text) => cell(text))] })),
    ],
  });
  return Packer.toBuffer(
    new Document({
      creator: 'Chaser fixtures',
      numbering: {
        config: [
          {
            reference: 'recommendations',
            levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.LEFT }],
          },
        ],
      },
      sections: [
        {
          children: [
            new Paragraph({ children: [new TextRun({ text: 'Crime Data Integrity: Action Plan', bold: true })] }),
            table,
          ],
        },
      ],
    }),
  );
}

async function main() {
  writeFileSync(path.join(OUT, 'audit-tracker.xlsx'), await auditTracker());
  writeFileSync(path.join(OUT, 'merged-cells.docx'), await inspectionPlan());
  writeFileSync(path.join(OUT, 'colour-rag.xlsx'), await colourTracker());
  writeFileSync(path.join(OUT, 'priority-headings.docx'), await priorityPlan());
  writeFileSync(path.join(OUT, 'committee-appendix.xlsx'), await committeeAppendix());
  writeFileSync(path.join(OUT, 'priority-bands.docx'), await priorityBands());
  writeFileSync(path.join(OUT, 'status-dropdowns.xlsx'), await statusDropdowns());
  writeFileSync(path.join(OUT, 'form-tables.docx'), await formTables());
  writeFileSync(path.join(OUT, 'grouped-header.xlsx'), await groupedHeader());
  writeFileSync(path.join(OUT, 'closed-sheet.xlsx'), await closedSheet());
  writeFileSync(path.join(OUT, 'planner-export.xlsx'), await plannerExport());
  writeFileSync(path.join(OUT, 'month-dates.xlsx'), await monthDates());
  writeFileSync(path.join(OUT, 'auto-numbered.docx'), await autoNumbered());
  writeFileSync(path.join(OUT, 'shaded-rag.docx'), await shadedRagPlan());
}

main();
