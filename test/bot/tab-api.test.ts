/**
 * The board tab's API over HTTP on the demo data, in local mode (developer sign-in): every answer is
 * compared with the core query the bot answers from, every write goes through the owner loop's rules.
 */
import { startTestBot, type TestBot } from '../helpers/bot';
import { listMyActions } from '../../core/actions/mine';
import { listActions } from '../../core/query/list';
import { summarise } from '../../core/query/summary';
import { findItem } from '../../core/query/item';
import { RAG_LABEL } from '../../cards/card';
import type { Rag } from '../../core/domain';
import { DEMO_PLAN_KEY, PLAYGROUND_USERS } from '../../prisma/seed/load-demo';
import { remindersJob } from '../../jobs/reminders';
import { cardProblems } from '../helpers/adaptive-card';
import { queuedActivity } from '../helpers/outbox';

let bot: TestBot;
let alex: string;
let megan: string;
let stranger: string;
const db = () => bot.chaser.core.db.prisma;
const MEETING = { title: 'ICB meeting', date: '2015-12-01' };

beforeAll(async () => {
  bot = await startTestBot({ now: '2015-12-01T09:00:00Z', env: { CHASER_DEMO: '1' } });
  const person = (i: number) =>
    db().person.findUniqueOrThrow({ where: { aadObjectId: PLAYGROUND_USERS[i].aadObjectId } });
  alex = (await person(0)).id;
  megan = (await person(1)).id;
  stranger = (await db().person.create({ data: { displayName: 'Sam Stranger' } })).id;
});
afterAll(() => bot.stop());

async function call(personId: string | null, path: string, init: { method?: string; body?: unknown } = {}) {
  const res = await fetch(`${bot.chaser.url}/api/tab${path}`, {
    method: init.method ?? 'GET',
    headers: { 'content-type': 'application/json', ...(personId && { authorization: `Developer ${personId}` }) },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const type = res.headers.get('content-type') ?? '';
  return {
    status: res.status,
    type,
    body: type.includes('json') ? await res.json() : Buffer.from(await res.arrayBuffer()),
  };
}

const board = { kind: 'list' as const, tagOwners: false };

describe('sign-in', () => {
  it('refuses a request without a sign-in (401) and one naming nobody (401)', async () => {
    expect((await call(null, '/session')).status).toBe(401);
    expect((await call('no-such-person', '/session')).status).toBe(401);
  });

  it('refuses the developer sign-in through a proxy, even one on this machine', async () => {
    const headers = { authorization: `Developer ${alex}`, 'x-forwarded-for': '203.0.113.9' };
    expect((await fetch(`${bot.chaser.url}/api/tab/session`, { headers })).status).toBe(401);
    expect((await fetch(`${bot.chaser.url}/api/tab/developer/people`, { headers })).status).toBe(404);
  });

  it('lists the people to sign in as, in local mode, and signs in as one of them', async () => {
    const people = await call(null, '/developer/people');
    expect(people.status).toBe(200);
    expect(people.body.people.map((p: { displayName: string }) => p.displayName)).toContain('Alex Wilber');
    const session = await call(alex, '/session');
    expect(session.body.user).toEqual({ personId: alex, displayName: 'Alex Wilber', mode: 'developer' });
  });
});

describe('the board view', () => {
  it("shows the ICB's plans with the counts of the bot's summary", async () => {
    const res = await call(megan, '/boards/ICB');
    expect(res.status).toBe(200);
    const summary = await summarise(bot.chaser.core, { kind: 'summary', plan: DEMO_PLAN_KEY });
    expect(res.body.plans).toEqual([
      expect.objectContaining({
        key: DEMO_PLAN_KEY,
        total: summary.total,
        byRag: summary.byRag,
        overdue: summary.overdue,
      }),
    ]);
    expect(res.body.filters.posts.length).toBeGreaterThan(1);
    expect(res.body.canManage).toBe(false);
    expect((await call(alex, '/boards/ICB')).body.canManage).toBe(true);
  });

  it('lists the Red table as the bot\'s "what\'s red?" does, and filters by owner post and section', async () => {
    const red = await call(megan, '/boards/ICB/actions?table=red&pageSize=50');
    const core = await listActions(
      bot.chaser.core,
      { ...board, filter: { rag: ['RED'], board: 'ICB' } },
      { pageSize: 50 },
    );
    expect(red.body.total).toBe(core.total);
    expect(red.body.actions.map((a: { id: string }) => a.id)).toEqual(core.actions.map((a) => a.id));
    expect(red.body.actions[0]).not.toHaveProperty('owners.0.holders.0.aadObjectId');

    const post = core.actions[0].owners[0].post;
    const byPost = await call(megan, `/boards/ICB/actions?table=red&pageSize=50&post=${encodeURIComponent(post)}`);
    expect(byPost.body.total).toBeGreaterThan(0);
    expect(byPost.body.total).toBeLessThan(core.total);
    expect(
      byPost.body.actions.every((a: { owners: { post: string }[] }) => a.owners.some((o) => o.post === post)),
    ).toBe(true);

    const section = core.actions[0].section!;
    const bySection = await call(
      megan,
      `/boards/ICB/actions?table=red&pageSize=50&section=${encodeURIComponent(section)}`,
    );
    expect(bySection.body.total).toBeGreaterThan(0);
    expect(bySection.body.actions.every((a: { section: string }) => a.section === section)).toBe(true);
  });

  it('pages: the second page follows the first', async () => {
    const all = await call(megan, '/boards/ICB/actions?table=overdue&pageSize=10');
    const second = await call(megan, '/boards/ICB/actions?table=overdue&pageSize=5&page=1');
    expect(second.body.actions.map((a: { id: string }) => a.id)).toEqual(
      all.body.actions.slice(5, 10).map((a: { id: string }) => a.id),
    );
  });

  it('answers bad input with 400 naming the field, and unknown boards and actions with 404', async () => {
    const bad = await call(megan, '/boards/ICB/actions?table=purple');
    expect(bad.status).toBe(400);
    expect(bad.body.field).toBe('table');
    expect((await call(megan, '/boards/ICB/actions?table=red&pageSize=5000')).body.field).toBe('pageSize');
    expect((await call(megan, '/boards/NOPE')).status).toBe(404);
    expect((await call(megan, '/actions/forged-id')).status).toBe(404);
    expect(
      (await call(megan, '/actions/forged-id/update', { method: 'POST', body: { version: 1, status: 'GREEN' } }))
        .status,
    ).toBe(404);
    expect(
      (
        await call(alex, '/extensions/forged-id/decision', {
          method: 'POST',
          body: { decision: 'approve', meeting: MEETING },
        })
      ).status,
    ).toBe(404);
  });

  it('downloads the board pack as xlsx, as at a date', async () => {
    const res = await call(megan, `/boards/ICB/pack?plan=${DEMO_PLAN_KEY}&asOf=2015-06-30`);
    expect(res.status).toBe(200);
    expect(res.type).toContain('spreadsheetml');
    expect((res.body as Buffer).subarray(0, 2).toString()).toBe('PK');
    expect((await call(megan, '/boards/ICB/pack?plan=OTHER')).status).toBe(404);
    expect((await call(megan, `/boards/ICB/pack?plan=${DEMO_PLAN_KEY}&asOf=30/06/2015`)).body.field).toBe('asOf');
  });
});

describe('my actions and the update form', () => {
  it('lists what I own, as the bot\'s "my actions"', async () => {
    const res = await call(megan, '/me/actions?pageSize=50');
    const core = await listMyActions(bot.chaser.core, megan, 0, 50);
    expect(res.body.total).toBe(core.total);
    expect(res.body.actions.map((a: { id: string }) => a.id)).toEqual(core.actions.map((a) => a.id));
  });

  it('saves an update with the card rules and messages; others are refused with 403', async () => {
    const [mine] = (await listMyActions(bot.chaser.core, megan, 0, 1)).actions;
    const path = `/actions/${mine.id}/update`;
    const refused = await call(stranger, path, { method: 'POST', body: { version: mine.version, status: 'GREEN' } });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toContain("Only the action's owners");

    const noNote = await call(megan, path, { method: 'POST', body: { version: mine.version, status: 'complete' } });
    expect(noNote.status).toBe(400);
    expect(noNote.body.errors.note).toBe('Add a note: it is needed for Complete');

    const saved = await call(megan, path, {
      method: 'POST',
      body: { version: mine.version, status: 'AMBER', note: 'Waiting on the supplier' },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.message).toBe(
      `Updated by Megan Bowen at 09:00: now ${RAG_LABEL[saved.body.action.effectiveRag as Rag]}.`,
    );
    const item = await findItem(bot.chaser.core, { kind: 'item', plan: mine.planKey, ref: mine.ref, history: true });
    expect(item.history!.entries[0]).toEqual(
      expect.objectContaining({ text: 'Waiting on the supplier', author: 'Megan Bowen' }),
    );

    const stale = await call(megan, path, {
      method: 'POST',
      body: { version: mine.version, status: 'RED', note: 'Late' },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.message).toBe('This changed since you opened it. Here is the latest; check it and save again.');
    const panel = await call(megan, `/actions/${mine.id}`);
    expect(panel.body.history[0].sentence).toContain('Waiting on the supplier');
    expect(panel.body.can).toEqual({ update: true, decide: false });
  });
});

describe('the meeting side panel', () => {
  it('records "new date approved" with the meeting, refuses others, posts the summary once', async () => {
    const [, mine] = (await listMyActions(bot.chaser.core, megan, 0, 2)).actions;
    const fresh = await db().action.findUniqueOrThrow({ where: { id: mine.id } });
    const asked = await call(megan, `/actions/${mine.id}/update`, {
      method: 'POST',
      body: {
        version: fresh.version,
        status: 'AMBER',
        note: 'Needs a new system',
        newDueDate: '2016-03-31',
        dueReason: 'Procurement',
      },
    });
    expect(asked.status).toBe(200);

    const items = await call(alex, '/boards/ICB/meeting');
    const item = items.body.items.find(
      (i: { kind: string; action: { id: string } }) => i.kind === 'extension' && i.action.id === mine.id,
    );
    expect(item.request).toEqual(
      expect.objectContaining({ requestedDate: '2016-03-31', reason: 'Procurement', requesterName: 'Megan Bowen' }),
    );

    const decision = `/extensions/${item.request.id}/decision`;
    expect(
      (await call(megan, decision, { method: 'POST', body: { decision: 'approve', meeting: MEETING } })).status,
    ).toBe(403);
    expect(
      (await call(alex, decision, { method: 'POST', body: { decision: 'reject', meeting: MEETING } })).body.errors
        .comment,
    ).toBe('Add a comment saying why you reject it');
    expect((await call(alex, decision, { method: 'POST', body: { decision: 'approve' } })).body.field).toBe('meeting');
    const approved = await call(alex, decision, { method: 'POST', body: { decision: 'approve', meeting: MEETING } });
    expect(approved.status).toBe(200);
    expect(approved.body.message).toBe('New date 31 Mar 2016 approved by Alex Wilber.');
    expect(approved.body.action.due).toBe('2016-03-31');
    const row = await db().update.findFirstOrThrow({ where: { actionId: mine.id, kind: 'due' } });
    expect(JSON.parse(row.detail!)).toEqual({
      meeting: MEETING,
      askedBy: 'Megan Bowen',
      reason: 'Procurement',
      approvedBy: 'Alex Wilber',
    });

    // The board needs its channel for the summary.
    expect(
      (await call(alex, '/boards/ICB/meeting/summary', { method: 'POST', body: { meeting: MEETING } })).status,
    ).toBe(409);
    const channel = await db().conversationRef.create({
      data: { conversationId: '19:icb@thread.tacv2', scope: 'channel', serviceUrl: bot.connector.url, reference: '{}' },
    });
    await db().board.update({ where: { key: 'ICB' }, data: { conversationId: channel.id } });
    expect(
      (await call(megan, '/boards/ICB/meeting/summary', { method: 'POST', body: { meeting: MEETING } })).status,
    ).toBe(403);
    const posted = await call(alex, '/boards/ICB/meeting/summary', { method: 'POST', body: { meeting: MEETING } });
    expect(posted.body).toEqual(expect.objectContaining({ decisions: 1, queued: true }));
    const again = await call(alex, '/boards/ICB/meeting/summary', { method: 'POST', body: { meeting: MEETING } });
    expect(again.body.queued).toBe(false);
    const sent = await db().outboxMessage.findMany({ where: { conversationId: channel.id } });
    expect(sent).toHaveLength(1);
    expect(sent[0].activity).toContain('ICB meeting: 1 Dec 2015');
    expect(sent[0].activity).toContain('1 decision recorded in the meeting');
    expect(sent[0].activity).toContain('(Alex Wilber)');
  });

  it('verifies an action awaiting verification, marked with the meeting', async () => {
    const [mine] = (await listMyActions(bot.chaser.core, megan, 0, 1)).actions;
    const done = await call(megan, `/actions/${mine.id}/update`, {
      method: 'POST',
      body: { version: mine.version, status: 'complete', note: 'Done and dusted' },
    });
    expect(done.body.action.status).toBe('awaiting_verification');
    const items = await call(alex, '/boards/ICB/meeting');
    expect(
      items.body.items.some(
        (i: { kind: string; action: { id: string } }) => i.kind === 'awaiting' && i.action.id === mine.id,
      ),
    ).toBe(true);
    const version = done.body.action.version;
    expect(
      (
        await call(megan, `/actions/${mine.id}/verification`, {
          method: 'POST',
          body: { version, decision: 'verify', meeting: MEETING },
        })
      ).status,
    ).toBe(403);
    const verified = await call(alex, `/actions/${mine.id}/verification`, {
      method: 'POST',
      body: { version, decision: 'verify', meeting: MEETING },
    });
    expect(verified.body).toEqual(expect.objectContaining({ kind: 'decided', message: 'Verified by Alex Wilber.' }));
    const row = await db().update.findFirstOrThrow({ where: { actionId: mine.id, kind: 'verification' } });
    expect(JSON.parse(row.detail!)).toEqual({ meeting: MEETING });
  });
  it('reviews an accepted risk due before the next meeting: kept with a reason and a later date, refused to others', async () => {
    const [due, later] = await db().action.findMany({
      where: { status: 'open', plan: { key: DEMO_PLAN_KEY } },
      orderBy: { position: 'desc' },
      take: 2,
    });
    const accept = (id: string, reviewDate: string) =>
      db().action.update({
        where: { id },
        data: {
          status: 'closed',
          outcome: 'risk_accepted',
          outcomeReason: 'Cost outweighs benefit',
          reviewDate: new Date(`${reviewDate}T00:00:00Z`),
          version: { increment: 1 },
        },
      });
    await accept(due.id, '2015-12-20');
    await accept(later.id, '2016-06-01');
    const items = (await call(alex, '/boards/ICB/meeting')).body.items as { kind: string; action: any }[];
    const reviews = items.filter((i) => i.kind === 'riskReview');
    expect(reviews.map((i) => i.action.id)).toEqual([due.id]);
    expect(reviews[0].action).toEqual(
      expect.objectContaining({ outcomeReason: 'Cost outweighs benefit', reviewDate: '2015-12-20' }),
    );

    const path = `/actions/${due.id}/risk-review`;
    const version = reviews[0].action.version;
    const body = {
      version,
      outcome: 'extend_review',
      reason: 'Still too costly',
      reviewDate: '2016-03-01',
      meeting: MEETING,
    };
    expect((await call(megan, path, { method: 'POST', body })).status).toBe(403);
    const noReason = await call(alex, path, { method: 'POST', body: { ...body, reason: '' } });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors).toEqual({ reason: 'Say why the risk is accepted' });
    const past = await call(alex, path, { method: 'POST', body: { ...body, reviewDate: '2015-11-01' } });
    expect(past.body.errors).toEqual({ reviewDate: 'The review date must be after today' });
    expect((await db().action.findUniqueOrThrow({ where: { id: due.id } })).version).toBe(version);

    const kept = await call(alex, path, { method: 'POST', body });
    expect(kept.body).toEqual(
      expect.objectContaining({ kind: 'decided', message: 'Risk acceptance kept; next review 1 Mar 2016.' }),
    );
    const detail = await call(alex, `/actions/${due.id}`);
    expect(detail.body.history[0].sentence).toBe(
      'Alex Wilber kept the risk accepted, to review on 1 Mar 2016 (in ICB meeting, 1 Dec 2015): "Still too costly"',
    );
    const reopened = await call(alex, path, {
      method: 'POST',
      body: { version: kept.body.action.version, outcome: 'reopen', meeting: MEETING },
    });
    expect(reopened.body.message).toBe('Reopened: its owners are asked for updates again.');
    expect(reopened.body.action.status).toBe('open');
  });

  it('asks the owners for an update by a date, marked with the meeting, and asks again on that date if none came', async () => {
    const [, , target] = (await listMyActions(bot.chaser.core, megan, 0, 3)).actions;
    expect(target.status).toBe('open');
    // Megan's chat with the bot, for the messages to her.
    await db().conversationRef.create({
      data: {
        conversationId: 'a:megan',
        scope: 'personal',
        personId: megan,
        serviceUrl: bot.connector.url,
        reference: '{}',
      },
    });
    const path = `/actions/${target.id}/update-request`;
    const body = { version: target.version, byDate: '2015-12-08', note: 'Show the new rota', meeting: MEETING };
    expect((await call(megan, path, { method: 'POST', body })).status).toBe(403);
    expect((await call(alex, path, { method: 'POST', body: { ...body, meeting: undefined } })).body.field).toBe(
      'meeting',
    );
    for (const [byDate, error] of [
      ['2015-12-01', 'Pick a date after today'],
      ['2017-01-01', 'Pick a date within a year'],
      ['2015-02-30', 'That is not a real date'],
    ]) {
      const bad = await call(alex, path, { method: 'POST', body: { ...body, byDate } });
      expect([bad.status, bad.body.errors]).toEqual([400, { byDate: error }]);
    }

    const asked = await call(alex, path, { method: 'POST', body });
    expect(asked.status).toBe(200);
    expect(asked.body.message).toMatch(/^Update asked for by 8 Dec 2015: /);
    expect(asked.body.action.updateDueBy).toBe('2015-12-08');
    const detail = await call(megan, `/actions/${target.id}`);
    expect(detail.body.history[0].sentence).toBe(
      'Alex Wilber asked the owners for an update by 8 Dec 2015 (in ICB meeting, 1 Dec 2015): "Show the new rota"',
    );
    const sentTo = async (prefix: string) =>
      db().outboxMessage.findMany({ where: { idempotencyKey: { startsWith: prefix } }, orderBy: { createdAt: 'asc' } });
    const [first] = await sentTo('update-request:');
    const card = queuedActivity(first).attachments[0].content;
    expect(JSON.stringify(card.body)).toContain('Alex Wilber asked in ICB meeting on 1 Dec 2015 for an update on');
    expect(card.actions.map((a: { title: string }) => a.title)).toEqual(['Update']);
    expect(cardProblems(card)).toEqual([]);

    const sweep = () =>
      remindersJob.run({ core: bot.chaser.core, config: bot.chaser.config, instanceId: 'test', log: bot.chaser.log });
    bot.clock.set('2015-12-07T10:00:00Z');
    await sweep();
    expect(await sentTo('update-request-due:')).toEqual([]);
    bot.clock.set('2015-12-08T10:00:00Z');
    await sweep();
    await sweep();
    const again = await sentTo('update-request-due:');
    expect(again).toHaveLength(1);
    expect(queuedActivity(again[0]).summary).toMatch(/^Your update on .* is due today$/);

    const fresh = await db().action.findUniqueOrThrow({ where: { id: target.id } });
    const update = await call(megan, `/actions/${target.id}/update`, {
      method: 'POST',
      body: { version: fresh.version, status: 'GREEN', note: 'Rota published' },
    });
    expect(update.body.action.updateDueBy).toBeNull();
  });
});
