/**
 * Roles: admins (configured AAD ids or role "admin"), plan owners (holders of the plan's owner post),
 * action owners (holders of the action's posts) and their delegates; everyone else is read-only.
 * First the rules in core/people/roles.ts, then each write path over HTTP refusing someone not entitled
 * and changing nothing.
 */
import { ALEX, cardAction, MEGAN, message, type TestUser } from '../helpers/activities';
import { startTestBot, type TestBot } from '../helpers/bot';
import { createTestDb, type TestDatabase } from '../helpers/db';
import { seedPerson, seedPlan } from '../helpers/fixtures';
import { actionOwnerIds, actionRole, canManagePlan, holdersOf, isAdmin, isPlanOwner } from '../../core/people/roles';
import type { Db } from '../../core/db/client';

const ADMIN_AAD = '00000000-0000-0000-0000-00000000a001';

/** A plan owned by the DCC post; action 7 owned by Head of OM, action 8 by Head of SDD. */
async function seedWorld(db: Db) {
  const plan = await seedPlan(db, {
    key: 'BTP-CDI',
    owner: 'Deputy Chief Constable',
    actions: [
      { ref: '7', owners: ['Head of Offender Management'], due: '2015-09-30' },
      { ref: '8', owners: ['Head of SDD'], due: '2015-09-30', status: 'awaiting_verification' },
    ],
  });
  const person = (displayName: string, posts: string[] = [], extra: Partial<Parameters<typeof seedPerson>[1]> = {}) =>
    seedPerson(db, { displayName, posts, ...extra });
  const p = {
    dcc: await person('Dana Chief', ['Deputy Chief Constable']),
    headOm: await person('Alex Wilber', ['Head of Offender Management'], {
      aadObjectId: ALEX.aadObjectId,
      teamsUserId: ALEX.id,
    }),
    headSdd: await person('Megan Bowen', ['Head of SDD'], { aadObjectId: MEGAN.aadObjectId, teamsUserId: MEGAN.id }),
    formerHeadOm: await person('Fran Former', ['Head of Offender Management'], {
      aadObjectId: FORMER.aadObjectId,
      teamsUserId: FORMER.id,
    }),
    formerDcc: await person('Old Chief', ['Deputy Chief Constable']),
    delegate: await person('Dee Delegate', [], { aadObjectId: DELEGATE.aadObjectId, teamsUserId: DELEGATE.id }),
    delegateOfFormer: await person('Una Unlucky'),
    roleAdmin: await person('Rae Admin', [], { role: 'admin', aadObjectId: ADMIN.aadObjectId, teamsUserId: ADMIN.id }),
    configAdmin: await person('Cy Config', [], { aadObjectId: ADMIN_AAD }),
    stranger: await person('Sam Stranger', [], { aadObjectId: '00000000-0000-0000-0000-0000000000099' }),
    noAad: await person('No Aad'),
  };
  // Holdings that have ended (to != null) no longer count.
  for (const who of [p.formerHeadOm, p.formerDcc])
    await db.prisma.postHolding.updateMany({
      where: { personId: who.id },
      data: { to: new Date('2014-12-31T00:00:00Z') },
    });
  await db.prisma.person.update({ where: { id: p.headOm.id }, data: { delegateId: p.delegate.id } });
  await db.prisma.person.update({ where: { id: p.formerHeadOm.id }, data: { delegateId: p.delegateOfFormer.id } });
  const action = async (ref: string) => (await db.prisma.action.findFirstOrThrow({ where: { ref } })).id;
  return { plan, people: p, action7: await action('7'), action8: await action('8') };
}

const FORMER: TestUser = { id: 'user-id-3', name: 'Fran Former', aadObjectId: '00000000-0000-0000-0000-0000000000023' };
const DELEGATE: TestUser = {
  id: 'user-id-4',
  name: 'Dee Delegate',
  aadObjectId: '00000000-0000-0000-0000-0000000000024',
};
const ADMIN: TestUser = { id: 'user-id-5', name: 'Rae Admin', aadObjectId: '00000000-0000-0000-0000-0000000000025' };

describe('core/people/roles', () => {
  let t: TestDatabase;
  let w: Awaited<ReturnType<typeof seedWorld>>;
  let ctx: { db: Db; adminAadIds: string[] };

  beforeAll(async () => {
    t = await createTestDb();
    w = await seedWorld(t.db);
    ctx = { db: t.db, adminAadIds: [ADMIN_AAD] };
  });
  afterAll(() => t.drop());

  it('treats role "admin" and configured AAD ids as admins, and no one else', async () => {
    const p = w.people;
    expect(await isAdmin(ctx, p.roleAdmin.id)).toBe(true);
    expect(await isAdmin(ctx, p.configAdmin.id)).toBe(true);
    expect(await isAdmin({ ...ctx, adminAadIds: [] }, p.configAdmin.id)).toBe(false);
    for (const who of [p.dcc, p.headOm, p.stranger, p.noAad]) expect(await isAdmin(ctx, who.id)).toBe(false);
    expect(await isAdmin(ctx, 'no-such-person')).toBe(false);
  });

  it('lists only current holders of a post', async () => {
    const post = await t.db.prisma.post.findUniqueOrThrow({ where: { name: 'Head of Offender Management' } });
    expect(await holdersOf(ctx, [post.id])).toEqual([w.people.headOm.id]);
    expect(await holdersOf(ctx, [])).toEqual([]);
  });

  it('makes the current holder of the owner post the plan owner, not a former holder or anyone else', async () => {
    const p = w.people;
    expect(await isPlanOwner(ctx, p.dcc.id, w.plan.id)).toBe(true);
    for (const who of [p.formerDcc, p.headOm, p.roleAdmin, p.stranger])
      expect(await isPlanOwner(ctx, who.id, w.plan.id)).toBe(false);
  });

  it('gives a plan without an owner post no plan owner', async () => {
    const orphan = await seedPlan(t.db, { key: 'ORPHAN', actions: [] });
    expect(await isPlanOwner(ctx, w.people.dcc.id, orphan.id)).toBe(false);
    expect(await canManagePlan(ctx, w.people.dcc.id, orphan.id)).toBe(false);
    expect(await canManagePlan(ctx, w.people.roleAdmin.id, orphan.id)).toBe(true);
  });

  it('counts holders of the action post and their delegates as owners, not delegates of former holders', async () => {
    const p = w.people;
    expect((await actionOwnerIds(ctx, w.action7)).sort()).toEqual([p.headOm.id, p.delegate.id].sort());
    expect(await actionOwnerIds(ctx, 'no-such-action')).toEqual([]);
  });

  it('says why someone may update an action, or refuses', async () => {
    const p = w.people;
    expect(await actionRole(ctx, p.headOm.id, w.action7)).toBe('owner');
    expect(await actionRole(ctx, p.delegate.id, w.action7)).toBe('owner');
    expect(await actionRole(ctx, p.dcc.id, w.action7)).toBe('plan-owner');
    expect(await actionRole(ctx, p.roleAdmin.id, w.action7)).toBe('admin');
    expect(await actionRole(ctx, p.configAdmin.id, w.action7)).toBe('admin');
    for (const who of [p.headSdd, p.formerHeadOm, p.delegateOfFormer, p.formerDcc, p.stranger, p.noAad]) {
      expect(await actionRole(ctx, who.id, w.action7)).toBeNull();
    }
    expect(await actionRole(ctx, p.stranger.id, 'no-such-action')).toBeNull();
  });

  it('lets only plan owners and admins manage the plan', async () => {
    const p = w.people;
    for (const who of [p.dcc, p.roleAdmin, p.configAdmin])
      expect(await canManagePlan(ctx, who.id, w.plan.id)).toBe(true);
    for (const who of [p.headOm, p.delegate, p.formerDcc, p.stranger])
      expect(await canManagePlan(ctx, who.id, w.plan.id)).toBe(false);
  });
});

describe('write paths refuse people without the role and change nothing', () => {
  let bot: TestBot;
  let w: Awaited<ReturnType<typeof seedWorld>>;
  let requestId: string;

  beforeAll(async () => {
    bot = await startTestBot({ now: '2015-06-01T08:00:00Z' });
    w = await seedWorld(bot.chaser.core.db);
    const req = await bot.chaser.core.db.prisma.extensionRequest.create({
      data: {
        actionId: w.action7,
        requestedById: w.people.headOm.id,
        requestedDate: new Date('2015-12-31T00:00:00Z'),
        reason: 'Legal review',
      },
    });
    requestId = req.id;
  });
  afterAll(() => bot.stop());
  beforeEach(() => bot.connector.clear());

  /** Everything a write path could change. */
  async function snapshot() {
    const p = bot.chaser.core.db.prisma;
    const rows = [p.action, p.update, p.extensionRequest, p.outboxMessage, p.board, p.boardPlan].map((model: any) =>
      model.findMany(),
    );
    return JSON.stringify(await Promise.all(rows));
  }

  async function refused(user: TestUser, verb: string, data: Record<string, unknown>) {
    const before = await snapshot();
    const res = await bot.post(cardAction(verb, data, { serviceUrl: bot.connector.url, user }));
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body)).toContain('Sorry, only');
    expect(await snapshot()).toBe(before);
    expect(bot.connector.updates()).toEqual([]);
  }

  it('action.update: the owner of another action in the same plan cannot update this one', async () => {
    await refused(MEGAN, 'action.update', {
      actionId: w.action7,
      version: 1,
      status: 'GREEN',
      note: 'Not mine to say',
    });
  });

  it("action.update: someone who no longer holds the action's post cannot update it", async () => {
    await refused(FORMER, 'action.update', {
      actionId: w.action7,
      version: 1,
      status: 'complete',
      note: 'Done, honest',
    });
  });

  it('action.verify: an action owner cannot verify a completion; that is for the plan owner', async () => {
    await refused(MEGAN, 'action.verify', { actionId: w.action8, version: 1, decision: 'verify' });
  });

  it('extension.decide: the owner who asked for a later date cannot approve it', async () => {
    await refused(ALEX, 'extension.decide', { requestId, decision: 'approve' });
  });

  it("extension.decide: the requester's delegate cannot approve it either", async () => {
    await refused(DELEGATE, 'extension.decide', { requestId, decision: 'approve' });
  });

  describe('board commands in a channel', () => {
    const channel = (user: TestUser) => ({ serviceUrl: bot.connector.url, user, scope: 'channel' as const });
    const say = (user: TestUser, text: string) => bot.post(message(text, channel(user)));

    beforeAll(async () => {
      await say(ADMIN, 'link this channel to board ICB Integrity Board');
      await say(ADMIN, 'board ICB follows BTP-CDI');
      await seedPlan(bot.chaser.core.db, { key: 'ORPHAN-2', actions: [] });
      expect(await bot.chaser.core.db.prisma.boardPlan.count()).toBe(1);
    });

    it.each([
      ['link this channel to board ICB2', 'link the channel to another board'],
      ['board ICB follows ORPHAN-2', 'make the board follow a plan'],
      ['digests every Friday 16:00', 'change the digest schedule'],
      ['unlink', 'unlink the channel'],
    ])('%s: an action owner who does not own the plan cannot %s', async (text) => {
      const before = await snapshot();
      await say(MEGAN, text);
      expect(bot.connector.sends().map((s) => s.activity.text)).toEqual([
        expect.stringMatching(
          /^Only an admin or the owner of a plan this board follows can change it; nothing changed\.$/,
        ),
      ]);
      expect(await snapshot()).toBe(before);
    });
  });
});
