/** The one voice: owners, due dates, spans of time and statuses read the same on every card. */
import { dueWithSlip, dueWords, ownersWords, ownerWords, statusWords } from '../../cards/voice';
import { spanWords } from '../../core/time';

const holder = (displayName: string) => ({ personId: displayName, displayName, aadObjectId: null, teamsUserId: null });

describe('owners', () => {
  it('reads "Post (Name, Name)", with the plan\'s qualifier after a comma, and "No owner" when there is none', () => {
    expect(ownerWords({ post: 'Head of Audit', role: null, holders: [holder('Megan Bowen')] })).toBe(
      'Head of Audit (Megan Bowen)',
    );
    expect(ownerWords({ post: 'Cdr Foy', role: 'Metcall', holders: [holder('Ann'), holder('Ben')] })).toBe(
      'Cdr Foy, Metcall (Ann, Ben)',
    );
    expect(ownerWords({ post: 'Home Office', role: null, holders: [] })).toBe('Home Office');
    const owners = [
      { post: 'A', role: null, holders: [holder('Ann')] },
      { post: 'B', role: null, holders: [] },
    ];
    expect(ownersWords({ owners })).toBe('A (Ann); B');
    expect(ownersWords({ owners: [] })).toBe('No owner');
    expect(
      ownersWords(
        { owners },
        (h) => `<at>${h.displayName}</at>`,
        (p) => `*${p}*`,
      ),
    ).toBe('*A* (<at>Ann</at>); *B*');
  });
});

describe('due dates', () => {
  it('read "1 Mar 2015", with the plan\'s words only where they say more than the day', () => {
    expect(dueWords({ due: '2015-03-01', dueText: '01-Mar-15' })).toBe('1 Mar 2015');
    expect(dueWords({ due: '2015-03-01', dueText: '2015-03-01' })).toBe('1 Mar 2015');
    expect(dueWords({ due: '2015-03-01', dueText: null })).toBe('1 Mar 2015');
    expect(dueWords({ due: '2015-09-30', dueText: 'Sep 15' })).toBe('30 Sep 2015 (Sep 15)');
    expect(dueWords({ due: '2016-03-31', dueText: 'End of financial year' })).toBe(
      '31 Mar 2016 (End of financial year)',
    );
    expect(dueWords({ due: null, dueText: 'Ongoing' })).toBe('Ongoing');
    expect(dueWords({ due: null, dueText: null })).toBe('Not set');
  });
});

it('shows how a due date slipped, against the date first promised, only once it has moved', () => {
  const base = { due: '2027-03-31', dueText: '31 Mar 2027', originalDue: '2015-03-01', originalDueText: '01-Mar-15' };
  expect(dueWithSlip({ ...base, dueRevisions: 0 })).toBe('31 Mar 2027');
  expect(dueWithSlip({ ...base, dueRevisions: 1 })).toBe('31 Mar 2027 (first promised 1 Mar 2015, revised once)');
  expect(dueWithSlip({ ...base, dueRevisions: 2 })).toBe('31 Mar 2027 (first promised 1 Mar 2015, revised twice)');
  expect(dueWithSlip({ ...base, dueRevisions: 3 })).toBe('31 Mar 2027 (first promised 1 Mar 2015, revised 3 times)');
});

describe('spans of time', () => {
  it.each([
    [1, '1 day'],
    [13, '13 days'],
    [14, '2 weeks'],
    [-16, '2 weeks'],
    [62, '8 weeks'],
    [63, '2 months'],
    [729, '23 months'],
    [4296, '11 years'],
  ])('%i days read "%s"', (days, words) => {
    expect(spanWords(days)).toBe(words);
  });
});

it('writes statuses capitalised, in words', () => {
  expect(['open', 'awaiting_verification', 'complete', 'closed'].map(statusWords)).toEqual([
    'Open',
    'Awaiting verification',
    'Complete',
    'Closed',
  ]);
});
