/** Questions over HTTP, as Teams sends them: answers as cards, paging in place, tagging, never silence. */
import { ALEX, cardAction, message } from '../helpers/activities';
import { startTestBot, type TestBot } from '../helpers/bot';
import { seedPerson, seedPlan } from '../helpers/fixtures';
import { cardProblems } from '../helpers/adaptive-card';
import { NOW, seedQuestionWorld } from '../core/queries/questions.fixture';

let bot: TestBot;

beforeAll(async () => {
  bot = await startTestBot({ now: NOW });
  await seedQuestionWorld(bot.chaser.core.db);
  // Twelve more overdue actions, so "what's red?" needs two pages.
  const big = Array.from({ length: 12 }, (_, i) => ({
    ref: String(i + 1),
    owners: ['Head of Big'],
    due: '2024-11-01',
  }));
  await seedPlan(bot.chaser.core.db, { key: 'BIG', createdAt: '2024-01-01', actions: big });
});
afterAll(() => bot.stop());
beforeEach(() => bot.connector.clear());

const where = () => ({ serviceUrl: bot.connector.url });

async function ask(text: string, scope: 'personal' | 'channel' = 'personal', mentions: object[] = []) {
  bot.connector.clear();
  const activity = message(text, { ...where(), scope });
  await bot.post({ ...activity, entities: [...activity.entities, ...mentions] });
  const sends = bot.connector.sends();
  expect(sends).toHaveLength(1);
  const card = sends[0].activity.attachments[0].content;
  expect(cardProblems(card)).toEqual([]);
  return card;
}
const bodyText = (card: any): string => JSON.stringify(card.body);
const rows = (card: any) => card.body.filter((e: any) => e.type === 'Container').length;

describe('questions over HTTP', () => {
  it('answers "what\'s red?" with the first page and a Next button carrying the query', async () => {
    const card = await ask("what's red?");
    expect(card.body[0].text).toBe('Red — 15 actions');
    expect(rows(card)).toBe(10);
    expect(card.actions).toEqual([
      {
        type: 'Action.Execute',
        title: 'Next 5',
        verb: 'list.page',
        data: { verb: 'list.page', query: { kind: 'list', filter: { rag: ['RED'] }, tagOwners: false }, page: 1 },
      },
    ]);
  });

  it('replaces the card with the next page when Next is clicked, which can go back', async () => {
    const first = await ask("what's red?");
    const { data } = first.actions[0];
    bot.connector.clear();
    const res = await bot.post(cardAction('list.page', data, where()));
    expect(res.status).toBe(200);
    expect(res.body.type).toBe('application/vnd.microsoft.card.adaptive');
    const next = res.body.value;
    expect(cardProblems(next)).toEqual([]);
    expect(rows(next)).toBe(5);
    expect(bodyText(next)).toContain('Showing 11–15 of 15');
    expect(bodyText(next)).toContain('BTP\\\\-CDI\\\\-1');
    expect(next.actions).toEqual([{ ...first.actions[0], title: 'Previous', data: { ...data, page: 0 } }]);
    expect(bot.connector.sends()).toHaveLength(0);
  });

  it('refuses page data that is not a list query, with a message instead of an error', async () => {
    const res = await bot.post(cardAction('list.page', { query: { kind: 'summary' }, page: 1 }, where()));
    expect(res.status).toBe(200);
    expect(res.body.value).toMatch(/ask the question again/);
  });

  it('reads the channel @mention form and says why overdue counts as red', async () => {
    const card = await ask('what’s red in BTP?', 'channel');
    expect(bot.connector.sends()[0].conversationId).toBe('19:general@thread.tacv2');
    expect(card.body[0].text).toBe('Red — 2 actions in BTP\\-CDI');
    expect(bodyText(card)).toContain('reported Green 15 Nov 2024 but overdue since 2 Oct 2024');
  });

  it('answers a page asked for with an absurd period or an impossible date in words, not an error', async () => {
    for (const due of [{ days: 1e15 }, { from: '9999-99-99' }, { from: '2015-02-30' }]) {
      const query = { kind: 'list', filter: { due }, tagOwners: false };
      const res = await bot.post(cardAction('list.page', { query, page: 1 }, where()));
      expect(res.status).toBe(200);
      expect(JSON.stringify(res.body)).toContain('That list can no longer be paged. Please ask the question again.');
    }
  });

  it('@mentions owners Teams knows when asked to tag them, and names the rest', async () => {
    const card = await ask("what's red in BTP-CDI and tag owners");
    expect(card.msteams.entities).toEqual([
      { type: 'mention', text: '<at>Alex Wilber</at>', mentioned: { id: 'user-id-0', name: 'Alex Wilber' } },
    ]);
    expect(bodyText(card)).toContain('Head of Contact Management (<at>Alex Wilber</at>)');
    expect(bodyText(card)).toContain('Deputy Chief Constable (Dana Offline)');
    const untagged = await ask("what's red in BTP-CDI");
    expect(untagged.msteams.entities).toBeUndefined();
    expect(bodyText(untagged)).not.toContain('<at>');
  });

  it('answers for several owners at once', async () => {
    const card = await ask("what's open for Megan Bowen or the Head of Contact Management?");
    expect(card.body[0].text).toBe('Open — 4 actions for Megan Bowen or Head of Contact Management');
  });

  it('answers for the asker, covering for the people who delegated to them', async () => {
    expect((await ask('what do I owe?')).body[0].text).toBe('Actions — 4 actions for you');
    expect((await ask('my red actions')).body[0].text).toBe('Red — 1 action for you');
  });

  it('summarises a plan with counts by RAG in a donut, a bar of proportions where charts do not show', async () => {
    const card = await ask('how are we doing on BTP-CDI?');
    expect(card.body[0].text).toBe('Summary in BTP\\-CDI — 7 actions');
    expect(card.body[1]).toMatchObject({ type: 'Chart.Donut', value: '7' });
    expect(card.body[1].data.map((p: any) => [p.legend, p.value])).toEqual([
      ['Red', 2],
      ['Amber', 2],
      ['Green', 1],
      ['Complete', 2],
    ]);
    expect(card.body[1].fallback.columns.map((c: any) => [c.width, c.style])).toEqual([
      [2, 'attention'],
      [2, 'warning'],
      [1, 'good'],
      [2, 'accent'],
    ]);
    expect(bodyText(card)).toContain('14% closed');
    const measures = card.body.find(
      (e: any) => e.type === 'FactSet' && e.facts.some((f: any) => f.title === 'Overdue'),
    );
    expect(measures.facts.map((f: any) => [f.title, f.value])).toEqual([
      ['Implemented and verified', '14%'],
      ['Implemented by the date first promised', '0%'],
      ['Overdue', '14%'],
      ['Average time overdue', '7 weeks'],
      ['Risk accepted', '0'],
    ]);
  });

  it('shows one action with its history', async () => {
    const card = await ask('history of BTP-CDI-1');
    expect(card.body[0].text).toBe('BTP\\-CDI\\-1 — Red');
    expect(bodyText(card)).toContain('History — 2 entries');
    expect(bodyText(card)).toContain('Due date moved from 1 Sep 2024 to 1 Oct 2024, approved by Alex Wilber');
  });

  it('ranks who is behind, lists plans and shows what changed', async () => {
    expect((await ask('who is behind?')).body[0].text).toBe('Who is behind — 4 owner posts with red actions');
    expect((await ask('list plans')).body[0].text).toBe('Plans — 3');
    expect((await ask('what changed this week?')).body[0].text).toBe('Changes 18 Nov 2024 – 24 Nov 2024 — 4 updates');
  });

  it('answers what it cannot read with three questions, as buttons, that each have an answer', async () => {
    const card = await ask('make me a sandwich with extra cheese');
    expect(card.body[0].text).toBe("I didn't get that. Try one of these, or type **help**:");
    const buttons = card.body[1].actions;
    expect(buttons.map((b: any) => b.title)).toEqual(buttons.map((b: any) => b.data.msteams.value));
    const suggestions: string[] = buttons.map((b: any) => b.data.msteams.value);
    expect(suggestions).toEqual([
      "what's overdue?",
      'how are we doing on BIG?',
      'red actions for the Deputy Chief Constable',
    ]);
    for (const q of suggestions) {
      const answer = await ask(q);
      expect(answer.body[0].text).not.toMatch(/^I didn't get that/);
      expect(answer.body[0].text).not.toMatch(/\b0 actions/);
    }
  });

  it('offers as help only questions that have an answer here, and the commands of this kind of chat', async () => {
    const card = await ask('help');
    expect(card.body[0].text).toBe('What you can ask Chaser');
    const offered: string[] = card.body[2].actions.map((b: any) => b.data.msteams.value);
    expect(offered.length).toBeGreaterThan(2);
    for (const q of offered) expect((await ask(q)).body[0].text).not.toMatch(/^I didn't get that|\b0 actions/);
    expect(bodyText(card)).toContain('snooze BTP-CDI-7 3 days');
    expect(bodyText(card)).not.toContain('digest now');
  });
});

describe('a name two people share', () => {
  // Last in the file: the second Alex Wilber (holding Head of Big) would change answers above.
  beforeAll(() => seedPerson(bot.chaser.core.db, { displayName: ALEX.name, posts: ['Head of Big'] }));

  it('is each of them when typed, and the one Teams identified when @mentioned', async () => {
    expect((await ask("what's open for Alex Wilber?")).body[0].text).toBe(
      'Open — 16 actions for Alex Wilber \\(2 people\\)',
    );
    const mention = { type: 'mention', text: '<at>Alex Wilber</at>', mentioned: { id: ALEX.id, name: ALEX.name } };
    const card = await ask("what's open for <at>Alex Wilber</at>?", 'channel', [mention]);
    expect(card.body[0].text).toBe('Open — 4 actions for Alex Wilber');
    expect(bodyText(card)).not.toContain('Head of Big');
  });
});
