import { effectiveRag, type RagInput } from '../../core/rag';

const open = (x: Partial<RagInput>): RagInput => ({
  status: 'open',
  reportedRag: null,
  reportedRagAt: null,
  dueDate: null,
  completedAt: null,
  lastActivityAt: '2015-05-25',
  hasUpdates: true,
  ...x,
});
const TODAY = '2015-06-01';

describe('effective RAG', () => {
  it('is Complete for a complete action whatever else is true', () => {
    expect(effectiveRag(open({ status: 'complete', dueDate: '2015-01-01', completedAt: '2015-04-17' }), TODAY)).toEqual(
      {
        rag: 'COMPLETE',
        reason: 'complete since 17 Apr 2015',
      },
    );
    expect(effectiveRag(open({ status: 'awaiting_verification', completedAt: '2015-05-30' }), TODAY).reason).toBe(
      'completed by owner 30 May 2015, awaiting verification',
    );
  });

  it('is Red when past due, even if the owner reported Green', () => {
    expect(effectiveRag(open({ dueDate: '2015-05-31' }), TODAY)).toEqual({
      rag: 'RED',
      reason: 'overdue since 1 Jun 2015',
    });
    expect(
      effectiveRag(open({ dueDate: '2015-05-31', reportedRag: 'GREEN', reportedRagAt: '2015-05-25' }), TODAY),
    ).toEqual({
      rag: 'RED',
      reason: 'reported Green 25 May 2015 but overdue since 1 Jun 2015',
    });
  });

  it('is not overdue on the due date itself', () => {
    expect(effectiveRag(open({ dueDate: TODAY }), TODAY).rag).toBe('GREEN');
  });

  it('is Amber when due within 14 days with no update in 14 days', () => {
    expect(effectiveRag(open({ dueDate: '2015-06-10', lastActivityAt: '2015-05-18' }), TODAY)).toEqual({
      rag: 'AMBER',
      reason: 'due 10 Jun 2015 with no update since 18 May 2015',
    });
    expect(effectiveRag(open({ dueDate: '2015-06-10', lastActivityAt: '2015-05-19' }), TODAY).rag).toBe('GREEN');
    expect(effectiveRag(open({ dueDate: '2015-06-16', lastActivityAt: '2015-05-01' }), TODAY).reason).toBe(
      'no update since 1 May 2015',
    );
  });

  it('is Amber when nothing has been heard for 30 days, including never', () => {
    expect(effectiveRag(open({ lastActivityAt: '2015-05-02' }), TODAY)).toEqual({
      rag: 'AMBER',
      reason: 'no update since 2 May 2015',
    });
    expect(effectiveRag(open({ lastActivityAt: '2015-01-01', hasUpdates: false }), TODAY)).toEqual({
      rag: 'AMBER',
      reason: 'no update ever',
    });
  });

  it('keeps a worse reported RAG and says why', () => {
    expect(effectiveRag(open({ reportedRag: 'RED', reportedRagAt: '2015-05-25' }), TODAY)).toEqual({
      rag: 'RED',
      reason: 'reported Red 25 May 2015',
    });
    expect(
      effectiveRag(open({ reportedRag: 'RED', reportedRagAt: '2015-04-01', lastActivityAt: '2015-04-01' }), TODAY),
    ).toEqual({
      rag: 'RED',
      reason: 'reported Red 1 Apr 2015; no update since 1 Apr 2015',
    });
  });

  it('is Green and on track otherwise', () => {
    expect(effectiveRag(open({ dueDate: '2015-09-01' }), TODAY)).toEqual({ rag: 'GREEN', reason: 'on track' });
  });

  it('uses configurable windows', () => {
    expect(
      effectiveRag(open({ lastActivityAt: '2015-05-20' }), TODAY, {
        dueSoonDays: 14,
        dueSoonQuietDays: 14,
        staleDays: 10,
      }).rag,
    ).toBe('AMBER');
  });
});
