/** The reminder and escalation cards: valid Adaptive Card 1.5, escaped, paged well under Teams' size limit. */
import type { ActionView } from '../../core/actions/view';
import { escalationCard } from '../../cards/escalation';
import { REMINDER_PAGE_SIZE, reminderCard } from '../../cards/reminder';
import { cardProblems, schemaProblems } from '../helpers/adaptive-card';

function view(i: number, over: Partial<ActionView> = {}): ActionView {
  return {
    id: `id-${i}`,
    planId: 'p',
    planKey: 'BTP-CDI',
    planTitle: 'Crime Data Integrity',
    section: null,
    recommendationRef: '1',
    recommendationText: 'r',
    ref: String(i),
    displayRef: `BTP-CDI-${i}`,
    // Long, like real plan text: the row shortens it.
    text: `Ensure that every crime report is recorded within 24 hours and reviewed by a supervisor ${'x'.repeat(400)}`,
    owners: [
      {
        postId: 'o',
        post: 'Head of Contact Management',
        role: null,
        holders: [{ personId: 'ann', displayName: 'Ann', aadObjectId: null, teamsUserId: null }],
      },
    ],
    due: '2026-12-14',
    dueText: 'Dec 26',
    duePrecision: 'month',
    status: 'open',
    reportedRag: null,
    effectiveRag: 'RED',
    reason: 'overdue since 15 Dec 2026',
    originalDue: '2026-12-14',
    originalDueText: 'Dec 26',
    dueRevisions: 0,
    priority: null,
    outcome: null,
    outcomeReason: null,
    reviewDate: null,
    updateDueBy: null,
    completedById: null,
    lastUpdate: null,
    lastActivity: '2026-10-01',
    updates: 0,
    version: 1,
    ...over,
  };
}

describe('reminder card', () => {
  const rows = Array.from({ length: 300 }, (_, i) => ({
    action: view(i + 1),
    label: 'overdue 2 weeks',
    onBehalfOf: i >= 290 ? 'Ben <at>x</at>' : null,
  }));

  it('lists 300 actions in pages of 20 far below 80 KB, with an Update button per row and Next', () => {
    const card = reminderCard({ recipientName: 'Ann', rows, page: 0, cardKey: 'reminder:ann:2026-12-30' });
    const bytes = Buffer.byteLength(JSON.stringify(card));
    expect(bytes).toBeLessThan(40_000);
    expect(cardProblems(card)).toEqual([]);
    expect(schemaProblems(card)).toEqual([]);
    const text = JSON.stringify(card);
    expect(text).toContain('300 actions need your attention');
    expect(text).toContain('Showing 1–20 of 300, most urgent first');
    expect(text.match(/"title":"Update"/g)).toHaveLength(REMINDER_PAGE_SIZE);
    expect(text).toContain('Due 14 Dec 2026 \\\\(Dec 26\\\\) · overdue 2 weeks');
    expect(card.actions).toEqual([
      {
        type: 'Action.Execute',
        title: 'Next 20',
        verb: 'reminder.page',
        data: { verb: 'reminder.page', cardKey: 'reminder:ann:2026-12-30', page: 1 },
      },
    ]);
  });

  it('heads delegated rows with the away owner, escaped', () => {
    const last = reminderCard({ recipientName: 'Ann', rows, page: 14, cardKey: 'k' });
    const text = JSON.stringify(last.body);
    expect(text).toContain('On behalf of Ben &lt;at&gt;x&lt;/at&gt; (away)');
    expect(text).toContain('Showing 281–300 of 300');
    // The last page goes back, not forward.
    expect(last.actions).toEqual([
      {
        type: 'Action.Execute',
        title: 'Previous',
        verb: 'reminder.page',
        data: { verb: 'reminder.page', cardKey: 'k', page: 13 },
      },
    ]);
  });

  it('sends each Update button back to the page it is on', () => {
    const card = reminderCard({ recipientName: 'Ann', rows, page: 3, cardKey: 'k' });
    const updates = JSON.stringify(card.body).match(/"origin":\{[^}]*\}\}/g) ?? [];
    expect(new Set(updates)).toEqual(new Set(['"origin":{"verb":"reminder.page","data":{"cardKey":"k","page":3}}']));
    expect(card.actions?.map((a) => a.title)).toEqual(['Previous', 'Next 20']);
  });
});

describe('escalation card', () => {
  it('lists escalated actions with owners, and unreachable owners with what they were owed', () => {
    const card = escalationCard({
      rows: [{ action: view(7), label: 'overdue 2 weeks' }],
      unreachable: [
        {
          name: 'Xena',
          knownToTeams: false,
          actions: Array.from({ length: 12 }, (_, i) => ({ displayRef: `Q-${i}`, label: 'due in 3 days' })),
        },
      ],
      page: 0,
      cardKey: 'escalation:olivia:2026-12-30',
    });
    expect(cardProblems(card)).toEqual([]);
    expect(schemaProblems(card)).toEqual([]);
    const text = JSON.stringify(card.body);
    expect(text).toContain('1 overdue action needs your attention');
    expect(text).toContain('Owner: Head of Contact Management \\\\(Ann\\\\)');
    expect(text).toContain('Unreachable owners — 1');
    expect(text).toContain('**Xena** — not known to Teams yet');
    expect(text).toContain('Q\\\\-9 (due in 3 days), and 2 more');
    expect(text).toContain('"verb":"action.open"');
  });
});
