/**
 * Card and text injection: plan and user text goes into every card builder escaped, so it can add no
 * link, emphasis, heading or mention to what the bot posts. Each builder is built once from plain words
 * and once from each hostile string, and the markup Teams would see must be identical.
 */
import type { ActionView } from '../../core/actions/view';
import type { DigestData } from '../../core/digest/compute';
import { actionListCard } from '../../cards/action-list';
import { digestCard } from '../../cards/digest';
import { helpCard, welcomeCard } from '../../cards/welcome';
import { escapeMarkdown, safe } from '../../cards/text';
import { HOSTILE, markupOf, shownStrings } from './markup';

const PLAIN = 'plain words';

function view(t: string): ActionView {
  return {
    id: 'a1',
    planId: 'p1',
    planKey: t,
    planTitle: t,
    section: t,
    recommendationRef: t,
    recommendationText: t,
    ref: t,
    displayRef: t,
    text: t,
    owners: [
      {
        postId: 'post1',
        post: t,
        role: t,
        holders: [{ personId: 'p1', displayName: t, aadObjectId: null, teamsUserId: null }],
      },
    ],
    due: '2015-03-01',
    dueText: t,
    duePrecision: 'day',
    status: 'open',
    reportedRag: 'RED',
    effectiveRag: 'RED',
    reason: t,
    originalDue: '2015-03-01',
    originalDueText: t,
    dueRevisions: 1,
    priority: 'high',
    outcome: null,
    outcomeReason: t,
    reviewDate: null,
    updateDueBy: null,
    completedById: null,
    lastUpdate: { at: '2015-05-20', text: t, author: t },
    lastActivity: '2015-05-20',
    updates: 1,
    version: 1,
  };
}

function digest(t: string): DigestData {
  const counts = { RED: 1, AMBER: 0, GREEN: 0, COMPLETE: 0, RISK_ACCEPTED: 0, SUPERSEDED: 0 };
  const rows = Array.from({ length: 7 }, () => ({ ref: t, text: t, detail: t }));
  return {
    board: { id: 'b1', key: t, name: t, timeZone: 'Europe/London' },
    tab: null,
    measures: { verifiedPercent: 0, onTimePercent: null, overduePercent: 0, averageDaysOverdue: null, riskAccepted: 0 },
    asOf: new Date('2015-06-01T08:00:00Z'),
    asOfLabel: 'Mon 1 Jun 2015 09:00',
    previousAt: null,
    counts,
    deltas: null,
    sections: [{ key: 'newlyRed', title: t, rows }],
    history: [],
    redIds: [],
  };
}

const builders: [string, (t: string) => unknown][] = [
  [
    'action list',
    (t) => actionListCard({ title: t, actions: [view(t), view(t)], total: 12, page: 0, pageData: { q: t } }),
  ],
  ['digest summary', (t) => digestCard(digest(t), { late: t })],
  ['digest section, expanded', (t) => digestCard(digest(t), { expand: { section: 'newlyRed', page: 0 } })],
];

describe.each(builders)('%s card', (_name, build) => {
  const plain = markupOf(build(PLAIN));

  it.each(HOSTILE)('adds no markup for %p', (hostile) => {
    const card = build(hostile);
    expect(markupOf(card)).toEqual(plain);
    const shown = shownStrings(card).join('\n');
    expect(shown).not.toMatch(/<at>|<a\s|\]\(/i);
    expect(JSON.stringify((card as { msteams?: { entities?: unknown } }).msteams?.entities ?? [])).toBe('[]');
  });

  it('still shows the text, escaped, so people see what was written', () => {
    expect(shownStrings(build('[click](http://evil)')).join('\n')).toContain(escapeMarkdown('[click](http://evil)'));
  });
});

describe('the markup check itself', () => {
  it('notices unescaped markup, so the tests above can fail', () => {
    expect(markupOf({ body: [{ type: 'TextBlock', text: '[click](http://evil)' }] })).not.toEqual(
      markupOf({ body: [{ type: 'TextBlock', text: PLAIN }] }),
    );
    expect(markupOf({ body: [{ type: 'TextBlock', text: safe('[click](http://evil)') }] })).toEqual(
      markupOf({ body: [{ type: 'TextBlock', text: PLAIN }] }),
    );
  });
});

describe('welcome and help cards', () => {
  it.each(HOSTILE)('add no markup for a bot name of %p, and mention nobody', (hostile) => {
    for (const scope of ['personal', 'groupChat', 'channel'] as const) {
      for (const build of [welcomeCard, helpCard]) {
        const card = build({ scope, botName: hostile, examples: ["what's red?"] });
        expect(markupOf(card)).toEqual(markupOf(build({ scope, botName: PLAIN, examples: ["what's red?"] })));
        expect(card.msteams?.entities).toBeUndefined();
      }
    }
  });
});

describe('escapeMarkdown', () => {
  it.each(HOSTILE)('leaves no markup character of %p unescaped', (hostile) => {
    expect(markupOf({ text: escapeMarkdown(hostile) })).toEqual(['']);
  });
});

describe('mentions', () => {
  // cards/mention.ts is the only place the bot creates mention entities (action list, "tag owners").
  const withHolders = (names: [string, string | null][]) => {
    const v = view('Head of SDD');
    v.owners[0].holders = names.map(([displayName, teamsUserId], i) => ({
      personId: `p${i}`,
      displayName,
      aadObjectId: null,
      teamsUserId,
    }));
    return actionListCard({ title: 'Red', actions: [v], total: 1, page: 0, mentionOwners: true });
  };
  const tags = (card: unknown) =>
    shownStrings(card)
      .join('\n')
      .match(/<at>[^<]*<\/at>/g) ?? [];
  /** Teams replaces a whole tag with the mention, so what is inside one cannot be markup. */
  const outsideTags = (card: unknown) =>
    markupOf(JSON.parse(JSON.stringify(card).replace(/<at>[^<]*<\/at>/g, '<at>x</at>')));

  it('mentions only people Teams knows, by their own id, with a tag that matches its entity', () => {
    const card = withHolders([
      ['<at>Everyone</at> [x](http://evil)', '29:real-user'],
      ['**Bold** Person', null],
    ]);
    const entities = card.msteams?.entities as { text: string; mentioned: { id: string; name: string } }[];
    expect(entities).toHaveLength(1);
    const [{ text, mentioned }] = entities;
    expect(mentioned.id).toBe('29:real-user');
    expect(mentioned.name).toMatch(/^[\p{L}\p{N} '-]+$/u);
    expect(text).toBe(`<at>${mentioned.name}</at>`);
    expect(tags(card)).toEqual([text]);
    expect(shownStrings(card).join('\n')).toContain(escapeMarkdown('**Bold** Person'));
  });

  it.each(HOSTILE)('a display name of %p adds no markup beyond the mention tag', (hostile) => {
    const card = withHolders([
      [hostile, '29:real-user'],
      [hostile, null],
    ]);
    expect(outsideTags(card)).toEqual(
      outsideTags(
        withHolders([
          [PLAIN, '29:real-user'],
          [PLAIN, null],
        ]),
      ),
    );
    for (const tag of tags(card)) expect(tag).toMatch(/^<at>[\p{L}\p{N} '-]+<\/at>$/u);
  });

  it('shows a name with nothing mentionable in it as escaped text, with no entity', () => {
    const card = withHolders([['***', '29:real-user']]);
    expect(card.msteams?.entities).toBeUndefined();
    expect(tags(card)).toEqual([]);
  });
});
