import { parseRag, parseStatus } from '../../../core/import/status';

describe('parseStatus', () => {
  test('(CLOSED) beside the date of update: signed off (BTP 1)', () => {
    expect(parseStatus({ complete: 'Yes', rag: 'COMPLETE', updatedOn: '17/04/2015 (CLOSED)' })).toEqual({ status: 'complete', reportedRag: 'COMPLETE', outcome: 'implemented' });
  });

  test('Complete Yes / RAG COMPLETE without sign-off awaits verification (BTP 3)', () => {
    expect(parseStatus({ complete: 'Yes', rag: 'COMPLETE', updatedOn: '14-Aug-15' })).toEqual({ status: 'awaiting_verification', reportedRag: 'COMPLETE' });
  });

  test('Complete No with a RAG stays open and keeps the reported RAG (BTP 7)', () => {
    expect(parseStatus({ complete: 'No', rag: 'GREEN' })).toEqual({ status: 'open', reportedRag: 'GREEN' });
  });

  test('a comment saying Completed, Awaits, Waits or Ongoing (NCRS)', () => {
    expect(parseStatus({ latestComment: 'Completed' }).status).toBe('awaiting_verification');
    for (const c of ['Awaits consultation and agreement with TP Crime', 'Waits for the board', 'Ongoing']) expect(parseStatus({ latestComment: c }).status).toBe('open');
  });

  test('RAG words', () => {
    expect(['Red', 'A', 'green', 'Complete', 'rubbish'].map(parseRag)).toEqual(['RED', 'AMBER', 'GREEN', 'COMPLETE', null]);
  });
});

describe('the words plans use for finished work', () => {
  it.each([
    [{ complete: 'Implemented' }],
    [{ rag: 'Done ✅' }],
    [{ rag: 'Blue' }],
    [{ rag: 'B' }],
    [{ complete: 'Implemented 12/03/2024' }],
    [{ due: 'Implemented' }],
    [{ latestComment: 'Completed. The policy was published on the intranet.' }],
  ])('%j awaits verification', (cells) => {
    expect(parseStatus(cells).status).toBe('awaiting_verification');
  });

  it('reads a filled "Date completed" as done on that day', () => {
    expect(parseStatus({ completedOn: '14/03/2024', rag: 'Green' })).toEqual({
      status: 'awaiting_verification',
      reportedRag: 'GREEN',
      completedAt: new Date('2024-03-14T00:00:00Z'),
    });
  });

  it('closes what the plan closed without implementing: risk accepted, superseded', () => {
    expect(parseStatus({ rag: 'Closed – risk accepted' })).toEqual({ status: 'closed', reportedRag: null, outcome: 'risk_accepted' });
    expect(parseStatus({ complete: 'Superseded' })).toMatchObject({ status: 'closed', outcome: 'superseded' });
    expect(parseStatus({ latestComment: 'No longer applicable: the service moved to the ICB.' })).toMatchObject({ outcome: 'superseded' });
    expect(parseStatus({ latestComment: 'Withdrawn funding delayed the pilot' }).status).toBe('open');
  });

  it('does not take a due date written with "complete" for a completion', () => {
    expect(parseStatus({ due: 'Complete by March 2025' }).status).toBe('open');
    expect(parseStatus({ complete: 'No', due: '31/03/2025' }).status).toBe('open');
  });
});
