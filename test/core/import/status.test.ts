import { parseRag, parseStatus } from '../../../core/import/status';

describe('parseStatus', () => {
  test('(CLOSED) beside the date of update: signed off (BTP 1)', () => {
    expect(parseStatus({ complete: 'Yes', rag: 'COMPLETE', updatedOn: '17/04/2015 (CLOSED)' })).toEqual({ status: 'complete', reportedRag: 'COMPLETE' });
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
