import { isStatusKey, parseRag, parseStatus, readStatusKey } from '../../../core/import/status';

describe('parseStatus', () => {
  test('(CLOSED) beside the date of update: signed off (BTP 1)', () => {
    expect(parseStatus({ complete: 'Yes', rag: 'COMPLETE', updatedOn: '17/04/2015 (CLOSED)' })).toEqual({
      status: 'complete',
      reportedRag: 'COMPLETE',
    });
  });

  test('Complete Yes / RAG COMPLETE without sign-off awaits verification (BTP 3)', () => {
    expect(parseStatus({ complete: 'Yes', rag: 'COMPLETE', updatedOn: '14-Aug-15' })).toEqual({
      status: 'awaiting_verification',
      reportedRag: 'COMPLETE',
    });
  });

  test('Complete No with a RAG stays open and keeps the reported RAG (BTP 7)', () => {
    expect(parseStatus({ complete: 'No', rag: 'GREEN' })).toEqual({ status: 'open', reportedRag: 'GREEN' });
  });

  test('a comment saying Completed, Awaits, Waits or Ongoing (NCRS)', () => {
    expect(parseStatus({ latestComment: 'Completed' }).status).toBe('awaiting_verification');
    for (const c of ['Awaits consultation and agreement with TP Crime', 'Waits for the board', 'Ongoing'])
      expect(parseStatus({ latestComment: c }).status).toBe('open');
  });

  test('finished work in the words plans use', () => {
    for (const rag of ['Implemented', 'Done ✅', 'Blue', 'B', 'Complete'])
      expect(parseStatus({ rag }).status).toBe('awaiting_verification');
    for (const rag of ['Not implemented', 'Partially implemented', 'In progress', 'G'])
      expect(parseStatus({ rag }).status).toBe('open');
    expect(parseStatus({ completedOn: '12/10/2024' }).status).toBe('awaiting_verification');
    expect(parseStatus({ due: 'Implemented' }).status).toBe('awaiting_verification');
    expect(parseStatus({ latestComment: 'Completed. Training delivered' }).status).toBe('awaiting_verification');
    expect(parseStatus({ rag: 'Closed – risk accepted' })).toEqual({
      status: 'closed',
      reportedRag: 'RISK_ACCEPTED',
      outcome: 'risk_accepted',
    });
    expect(parseStatus({ rag: 'Superseded' })).toEqual({
      status: 'closed',
      reportedRag: 'SUPERSEDED',
      outcome: 'superseded',
    });
  });

  test("the plan's own key: GREEN means implemented, status words map to colours", () => {
    const key = readStatusKey(['Key: GREEN - Implemented; AMBER - On track; RED - Off track']);
    expect(parseStatus({ rag: 'Green' }, key)).toEqual({ status: 'awaiting_verification', reportedRag: 'COMPLETE' });
    expect(parseStatus({ rag: 'On track' }, key)).toEqual({ status: 'open', reportedRag: 'AMBER' });
  });

  test("a row is the plan's key when it says what two colours or more mean and nothing else", () => {
    expect(isStatusKey(['Key: Blue = implemented; Green = on track', '', ''])).toBe(true);
    expect(isStatusKey(['Key:', 'RED - overdue', 'GREEN - implemented'])).toBe(true);
    expect(isStatusKey(['Complete = Blue', 'On track = Green'])).toBe(true);
    expect(isStatusKey(['3', 'Train staff', 'Head of HR', 'Green', 'Amber - some slippage'])).toBe(false);
    expect(isStatusKey(['Green - on track'])).toBe(false);
  });

  test('a colour with a note after it is the colour', () => {
    expect(['Red - overdue', 'Amber: at risk', 'Green – on track', 'Amber/Red'].map(parseRag)).toEqual([
      'RED',
      'AMBER',
      'GREEN',
      'AMBER',
    ]);
  });

  test("a colour with a note saying the work is done is done, keeping the colour's RAG; any other note leaves it open", () => {
    expect(parseStatus({ rag: 'Green - complete' })).toEqual({ status: 'awaiting_verification', reportedRag: 'GREEN' });
    expect(parseStatus({ rag: 'Amber: implemented, awaiting evidence' })).toEqual({
      status: 'awaiting_verification',
      reportedRag: 'AMBER',
    });
    expect(parseStatus({ rag: 'Green (done)' })).toEqual({ status: 'awaiting_verification', reportedRag: 'GREEN' });
    expect(parseStatus({ rag: 'Blue - closed' })).toEqual({ status: 'awaiting_verification', reportedRag: 'COMPLETE' });
    for (const rag of ['Red - overdue', 'Green – on track', 'Amber - not complete', 'Green - partially implemented'])
      expect({ rag, status: parseStatus({ rag }).status }).toEqual({ rag, status: 'open' });
    expect(parseStatus({ rag: 'Red - overdue' }).reportedRag).toBe('RED');
  });

  test('an action cancelled, merged into another or a duplicate is closed as superseded; "accepted risk" is risk accepted', () => {
    for (const rag of ['Cancelled', 'Merged with 2.3', 'Duplicate of 2.1', 'Closed - duplicate'])
      expect(parseStatus({ rag })).toMatchObject({ status: 'closed', outcome: 'superseded' });
    expect(parseStatus({ rag: 'Accepted risk' })).toMatchObject({ status: 'closed', outcome: 'risk_accepted' });
  });

  test('a coloured circle is its colour, a tick before a word of finished work is done', () => {
    expect(['🔴 Overdue', '🟠 In progress', '🟡', '🟢 On track', '🔵'].map(parseRag)).toEqual([
      'RED',
      'AMBER',
      'AMBER',
      'GREEN',
      'COMPLETE',
    ]);
    expect(parseStatus({ rag: '✅ Done' })).toEqual({ status: 'awaiting_verification', reportedRag: null });
    expect(parseStatus({ rag: '❌ Not done' }).status).toBe('open');
  });

  test('RAG words', () => {
    expect(['Red', 'A', 'green', 'Complete', 'rubbish'].map(parseRag)).toEqual([
      'RED',
      'AMBER',
      'GREEN',
      'COMPLETE',
      null,
    ]);
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
    [{ complete: 'Action complete' }],
    [{ complete: 'Fully implemented' }],
    [{ complete: 'Transferred to BAU' }],
    [{ complete: 'Proposed for closure' }],
  ])('%j awaits verification', (cells) => {
    expect(parseStatus(cells).status).toBe('awaiting_verification');
  });

  it('closes what the plan closed without implementing: risk accepted, superseded', () => {
    expect(parseStatus({ rag: 'Closed – risk accepted' })).toMatchObject({
      status: 'closed',
      outcome: 'risk_accepted',
    });
    expect(parseStatus({ complete: 'Superseded' })).toMatchObject({ status: 'closed', outcome: 'superseded' });
    expect(parseStatus({ latestComment: 'Withdrawn funding delayed the pilot' }).status).toBe('open');
  });

  it('does not take a due date written with "complete" for a completion', () => {
    expect(parseStatus({ due: 'Complete by March 2025' }).status).toBe('open');
    expect(parseStatus({ due: 'Completed by end of March 2025' }).status).toBe('open');
    expect(parseStatus({ due: 'Complete March 2025' }).status).toBe('open');
    expect(parseStatus({ complete: 'No', due: '31/03/2025' }).status).toBe('open');
  });

  it('reads a results/timescale cell that leads with a past-tense completion as done', () => {
    for (const due of [
      'Completed. March 2008',
      'Completed March 2008. Sampling now monthly.',
      'Implemented - reports go to each committee',
      'Completed in March 2008',
    ])
      expect({ due, status: parseStatus({ due }).status }).toEqual({ due, status: 'awaiting_verification' });
    expect(parseStatus({ due: 'In progress. December 2008' }).status).toBe('open');
  });
});
