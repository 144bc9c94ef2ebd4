/** Every kind of history row reads as one sentence, with no field names, whatever the row records. */
import { historySentence, type HistoryRow } from '../../../core/history/sentence';

const row = (r: Partial<HistoryRow>): HistoryRow => ({
  kind: 'progress',
  text: null,
  author: 'Alex Wilber',
  rag: null,
  changes: null,
  ...r,
});
const FIELD_NAMES =
  /dueDate|dueText|duePrecision|reportedRag|effectiveRag|awaiting_verification|risk_accepted|extensionRequest/;

it.each<[string, Partial<HistoryRow>, string]>([
  [
    'a Red report with a note',
    { rag: 'RED', text: 'waiting on funding', changes: { reportedRag: ['GREEN', 'RED'] } },
    'Alex Wilber reported Red: "waiting on funding"',
  ],
  [
    'a completion with evidence',
    { rag: 'GREEN', changes: { status: ['open', 'awaiting_verification'] }, detail: { evidenceIds: ['e1'] } },
    'Alex Wilber reported it complete, with evidence',
  ],
  [
    'an approved new date, asked for with a reason',
    {
      kind: 'due',
      author: 'Megan Bowen',
      changes: {
        dueDate: ['2015-03-01', '2027-03-31'],
        dueText: ['01-Mar-15', '31 Mar 2027'],
        duePrecision: ['day', 'day'],
      },
      detail: {
        askedBy: 'Alex Wilber',
        reason: 'funding agreed for Q1',
        approvedBy: 'Megan Bowen',
        meeting: { title: 'ICB meeting', date: '2026-12-05' },
      },
    },
    'Due date moved from 1 Mar 2015 to 31 Mar 2027, asked by Alex Wilber ("funding agreed for Q1"), approved by Megan Bowen (in ICB meeting, 5 Dec 2026)',
  ],
  [
    'an approved new date from before details were kept',
    { kind: 'due', author: 'Megan Bowen', changes: { dueDate: ['2015-03-01', '2015-06-30'] } },
    'Due date moved from 1 Mar 2015 to 30 Jun 2015, approved by Megan Bowen',
  ],
  [
    'a refused new date',
    {
      kind: 'extension',
      author: 'Megan Bowen',
      text: 'Not yet',
      changes: { extensionRequest: ['2015-09-30', 'rejected'] },
    },
    'Megan Bowen refused the request to move the due date to 30 Sep 2015: "Not yet"',
  ],
  [
    'a verification',
    { kind: 'verification', author: 'Megan Bowen', changes: { status: ['awaiting_verification', 'complete'] } },
    'Megan Bowen verified the completion',
  ],
  [
    'a reopening',
    {
      kind: 'verification',
      author: 'Megan Bowen',
      text: 'No evidence',
      changes: { status: ['awaiting_verification', 'open'] },
    },
    'Megan Bowen reopened it: not yet complete: "No evidence"',
  ],
  [
    'a risk accepted',
    {
      kind: 'outcome',
      author: 'Megan Bowen',
      changes: { status: ['open', 'closed'], outcome: [null, 'risk_accepted'] },
      detail: { reason: 'Cost outweighs benefit', reviewDate: '2016-06-01' },
    },
    'Megan Bowen accepted the risk, to review on 1 Jun 2016: "Cost outweighs benefit"',
  ],
  [
    'a supersession',
    {
      kind: 'outcome',
      author: 'Megan Bowen',
      changes: { status: ['open', 'closed'], outcome: [null, 'superseded'] },
      detail: { reason: 'Merged', replacedBy: 'BTP-CDI-9' },
    },
    'Megan Bowen closed it as superseded by BTP-CDI-9: "Merged"',
  ],
  [
    'an import that changed facts',
    {
      kind: 'change',
      author: 'cdi.csv',
      changes: {
        dueText: ['01-Mar-15', '01-Jun-15'],
        dueDate: ['2015-03-01', '2015-06-01'],
        reportedRag: ['GREEN', 'RED'],
        status: ['open', 'awaiting_verification'],
      },
      detail: { source: { file: 'cdi.csv', row: 14 } },
    },
    'Imported from cdi.csv (row 14): due date 1 Mar 2015 → 1 Jun 2015; status open → awaiting verification; RAG Green → Red',
  ],
  [
    'a progress entry from the plan file',
    { kind: 'import', author: 'cdi.csv', text: 'Clinics started' },
    'Progress recorded in the plan file (cdi.csv): "Clinics started"',
  ],
  ['evidence sent on its own', { kind: 'evidence', text: 'policy.pdf' }, 'Alex Wilber added evidence: "policy.pdf"'],
])('%s', (_what, r, sentence) => {
  const text = historySentence(row(r));
  expect(text).toBe(sentence);
  expect(text).not.toMatch(FIELD_NAMES);
});
