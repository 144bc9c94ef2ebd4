/**
 * Every kind of card Chaser sends, produced as a user meets it (over HTTP on the live demo plan, or queued
 * by the owner loop), passes the Adaptive Cards 1.5 schema and the SDK's parser and speaks the one voice
 * (cards/voice.ts): dates "1 Mar 2015", spans "overdue 2 weeks", capitalised statuses, no field names.
 */
import { computeDigest } from '../../core/digest/compute';
import { digestCard } from '../../cards/digest';
import { ALEX, MEGAN, cardAction, message, type TestUser } from '../helpers/activities';
import { cardProblems, schemaProblems } from '../helpers/adaptive-card';
import { startTestBot, type TestBot } from '../helpers/bot';
import { queuedActivity } from '../helpers/outbox';

let bot: TestBot;
const cards = new Map<string, any>();
const db = () => bot.chaser.core.db.prisma;

async function say(text: string, user: TestUser = ALEX) {
  bot.connector.clear();
  await bot.post(message(text, { serviceUrl: bot.connector.url, user }));
  const reply = bot.connector.sends().at(-1)!.activity;
  return reply.attachments?.[0]?.content ?? reply.text;
}
async function click(verb: string, data: Record<string, unknown>, user: TestUser = ALEX) {
  const res = await bot.post(cardAction(verb, data, { serviceUrl: bot.connector.url, user }));
  return res.body.value;
}
const demoAction = (ref: string) => db().action.findFirstOrThrow({ where: { ref, plan: { key: 'BTP-CDI' } } });
async function queued(purpose: string) {
  const row = await db().outboxMessage.findFirstOrThrow({ where: { purpose }, orderBy: { createdAt: 'desc' } });
  return queuedActivity(row).attachments[0].content;
}

/** What a reader sees: texts, fact titles and values, button and choice titles, input labels. */
function visibleText(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) for (const n of node) visibleText(n, out);
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    for (const key of ['text', 'title', 'label', 'placeholder', 'errorMessage'])
      if (typeof o[key] === 'string') out.push(o[key] as string);
    if (o.type === undefined && typeof o.value === 'string' && typeof o.title === 'string') out.push(o.value);
    for (const [key, v] of Object.entries(o)) if (key !== 'data' && typeof v === 'object') visibleText(v, out);
  }
  return out;
}

beforeAll(async () => {
  bot = await startTestBot({ now: '2026-12-07T09:00:00Z', env: { CHASER_DEMO: '1' } });
  const alex = await demoAction('7');
  cards.set('welcome', await say('hello'));
  cards.set('help', await say('help'));
  cards.set('not understood', await say('zebra crossings please'));
  cards.set('list', await say("what's red?"));
  cards.set('summary', await say('summary'));
  cards.set('status', await say('status of BTP-CDI-7'));
  cards.set('history', await say('history of BTP-CDI-7'));
  cards.set('plans', await say('plans'));
  cards.set('changes', await say('what changed this week?'));
  cards.set('who is behind', await say('who is behind?'));
  cards.set('my actions', await say('my actions'));
  cards.set('update form', await click('action.open', { actionId: alex.id }));
  cards.set(
    'update form with errors',
    await click('action.update', { actionId: alex.id, version: alex.version, status: 'RED' }),
  );
  cards.set('closure form', await click('action.closeForm', { actionId: alex.id }));
  // Megan's request for a new date goes to the plan owner, Alex.
  const megans = await db().action.findFirstOrThrow({
    where: {
      status: 'open',
      owners: { some: { post: { holdings: { some: { person: { displayName: MEGAN.name } } } } } },
    },
  });
  await say('hello', MEGAN);
  cards.set(
    'saved',
    await click(
      'action.update',
      {
        actionId: megans.id,
        version: megans.version,
        status: 'AMBER',
        note: 'Supplier late',
        newDueDate: '2027-03-31',
        dueReason: 'Supplier slipped a quarter',
      },
      MEGAN,
    ),
  );
  cards.set('approval request', await queued('approval'));
  const board = await db().board.findUniqueOrThrow({ where: { key: 'ICB' } });
  cards.set('digest', digestCard(await computeDigest(bot.chaser.core, board.id, bot.clock.now())));
  cards.set('not an admin', await say('plan BTP-CDI verifier Head of Audit', MEGAN));
}, 60_000);
afterAll(() => bot.stop());

const kinds = () => [...cards.entries()].filter(([, card]) => card && typeof card === 'object');

it('produces every card kind', () => {
  expect([...cards.keys()].filter((k) => !cards.get(k) || typeof cards.get(k) !== 'object')).toEqual(['not an admin']);
});

it.each([
  'welcome',
  'help',
  'not understood',
  'list',
  'summary',
  'status',
  'history',
  'plans',
  'changes',
  'who is behind',
  'my actions',
  'update form',
  'update form with errors',
  'closure form',
  'saved',
  'approval request',
  'digest',
])('the %s card passes the Adaptive Cards 1.5 schema and parser', (kind) => {
  const card = cards.get(kind);
  expect(schemaProblems(card)).toEqual([]);
  expect(cardProblems(card)).toEqual([]);
});

it('speaks one voice on every card: no ISO dates, no "overdue by N days", no field names, no lower-case statuses', () => {
  const offences = kinds().flatMap(([kind, card]) =>
    visibleText(card)
      .filter((t) =>
        /\b\d{4}-\d{2}-\d{2}\b|overdue by \d|\b(dueText|dueDate|reportedRag|duePrecision|awaiting_verification|effectiveRag)\b|Status: [a-z]/.test(
          t,
        ),
      )
      .map((t) => `${kind}: ${t}`),
  );
  expect(offences).toEqual([]);
  expect(kinds().length).toBeGreaterThan(15);
});
