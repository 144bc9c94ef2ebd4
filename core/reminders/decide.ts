/**
 * Decides a reminder run: which reminders and escalations are owed and not yet sent, and which daily
 * card each goes on. One card per recipient per local day: owners (or their delegates) get a
 * "reminder" card; plan owners get an "escalation" card listing actions overdue beyond the policy and
 * owners the bot cannot reach. Nothing is written here: the dry run shows this, the job records it.
 */
import type { CoreContext } from '../context';
import { addDays, localDate } from '../time';
import { toReminderAction, type ReminderAction } from './card-action';
import { existingOutboxKeys, existingReminderKeys, loadOpenActions, loadPeople, loadPersonalConversations, loadPlans, loadPosts, type OpenAction, type Posts } from './load';
import { dueLabel, escalationKey, isEscalated, owedOccasion, owedWindow, reminderKey, type ReminderKind } from './occasions';
import { parseReminderPolicy, type ReminderPolicy } from './policy';
import { reminderSlots, routeReminder, workingDaysOf, type ReminderPerson, type Slot } from './recipients';

export type CardPurpose = 'reminder' | 'escalation';

export interface ReminderItem {
  /** ReminderLog key. */
  key: string;
  kind: ReminderKind | 'escalation';
  /** The day the reminder became owed. */
  occasion: string;
  action: ReminderAction;
  /** "due in 3 days", "overdue by 16 days", … on the recipient's card. */
  label: string;
  /** Whose reminder it is (the owner; the plan owner for an escalation): ReminderLog.personId. */
  owner: ReminderPerson;
}

export interface UnreachableOwner {
  person: ReminderPerson;
  /** Teams ids and tenant known: a 1:1 chat could be created once the app is installed for them. */
  knownToTeams: boolean;
  items: ReminderItem[];
}

export interface DailyCard {
  purpose: CardPurpose;
  /** `<purpose>:<personId>:<localDate>`: one card per recipient per local day. */
  idempotencyKey: string;
  recipient: ReminderPerson;
  slot: Slot;
  conversationRefId: string;
  /** Reminders (on behalf of an away owner when item.owner is not the recipient) or escalations. */
  items: ReminderItem[];
  unreachable: UnreachableOwner[];
}

export interface ReminderDecision {
  asOf: Date;
  cards: DailyCard[];
  /** Owed but held back: the owner paused reminders, or is away with no delegate. */
  waiting: { personId: string; reason: 'paused' | 'away'; items: number }[];
  /** Owed but nobody can be told: no conversation and no reachable plan owner. */
  undeliverable: { personId: string; items: number }[];
  policyErrors: { planKey: string; error: string }[];
}

export interface DecideOptions {
  /** REMINDER_TIME, "HH:MM" local to each recipient. */
  reminderTime: string;
}

interface Candidate extends Omit<ReminderItem, 'action' | 'label'> {
  open: OpenAction;
  planOwners: ReminderPerson[];
}

type Owed = Candidate & ReminderItem;

export async function decideReminders(ctx: CoreContext, opts: DecideOptions): Promise<ReminderDecision> {
  const now = ctx.now();
  const decision: ReminderDecision = { asOf: now, cards: [], waiting: [], undeliverable: [], policyErrors: [] };
  const people = await loadPeople(ctx);
  const slots = reminderSlots(people.values(), now, opts.reminderTime, ctx.timeZone);
  const cardKeys = new Map([...slots].map(([id, slot]) => [id, { reminder: `reminder:${id}:${slot.localDate}`, escalation: `escalation:${id}:${slot.localDate}` }]));
  const cardKey = (purpose: CardPurpose, p: ReminderPerson) => cardKeys.get(p.id)![purpose];
  const open = [...people.values()].filter((p) => slots.get(p.id)!.open);
  const alreadySent = await existingOutboxKeys(ctx, open.flatMap((p) => [cardKey('reminder', p), cardKey('escalation', p)]));
  // Most sweeps find nobody whose time has come and who still lacks a card today: stop before reading actions.
  if (open.every((p) => alreadySent.has(cardKey('reminder', p)) && alreadySent.has(cardKey('escalation', p)))) return decision;

  const [plans, posts, conversations] = await Promise.all([loadPlans(ctx), loadPosts(ctx, people), loadPersonalConversations(ctx)]);
  const orgToday = localDate(now, ctx.timeZone);
  const fewestWorkingDays = Math.min(...[...people.values()].map((p) => workingDaysOf(p).length));
  const window = owedWindow(orgToday, [...plans.values()].map((p) => parseReminderPolicy(p.reminderPolicy).policy), fewestWorkingDays);
  const actions = await loadOpenActions(ctx, now, window, plans);
  const { reminders, escalations } = owedCandidates(actions, posts, slots, decision.policyErrors);

  /** Today's card for the recipient is still to go out: their time has come and it has not been decided yet. */
  const cardDue = (purpose: CardPurpose, to: ReminderPerson) => slots.get(to.id)!.open && !alreadySent.has(cardKey(purpose, to));
  /** Reminders that would go nowhere today (the recipient's card is not due) need no ReminderLog lookup. */
  const mayGo = (purpose: CardPurpose) => (c: Candidate) => {
    const route = routeReminder(c.owner, people, now);
    return 'wait' in route || cardDue(purpose, route.to);
  };
  const considered = [...reminders.filter(mayGo('reminder')), ...escalations.filter(mayGo('escalation'))];
  const logged = await existingReminderKeys(ctx, considered.map((c) => c.key));
  const unsent = (list: Candidate[]) => list.filter((c) => !logged.has(c.key));
  // Card rows (once per action) and labels only for reminders that go on a card.
  const cardActions = new Map<string, ReminderAction>();
  const owed = (c: Candidate): Owed => {
    let action = cardActions.get(c.open.id);
    if (!action) cardActions.set(c.open.id, (action = toReminderAction(c.open, posts, orgToday, ctx)));
    return Object.assign(c, { action, label: dueLabel(c.open, slots.get(c.owner.id)!.localDate) });
  };

  const cards = new Map<string, DailyCard>();
  /** Today's card for the recipient, 'unreachable' when they have no chat with the bot, null when it is not (or no longer) their time today. */
  const cardFor = (purpose: CardPurpose, to: ReminderPerson): DailyCard | 'unreachable' | null => {
    if (!cardDue(purpose, to)) return null;
    const conversationRefId = conversations.get(to.id);
    if (!conversationRefId) return 'unreachable';
    const key = cardKey(purpose, to);
    let card = cards.get(key);
    if (!card) cards.set(key, (card = { purpose, idempotencyKey: key, recipient: to, slot: slots.get(to.id)!, conversationRefId, items: [], unreachable: [] }));
    return card;
  };
  const waiting = tally(decision.waiting, (personId, reason: 'paused' | 'away') => ({ personId, reason, items: 0 }));
  const undeliverable = tally(decision.undeliverable, (personId) => ({ personId, items: 0 }));

  /** The first plan owner whose escalation card is going out today hears about the unreachable owner. */
  const reportUnreachable = (to: ReminderPerson, c: Candidate): boolean => {
    for (const planOwner of c.planOwners) {
      const route = routeReminder(planOwner, people, now);
      const card = 'to' in route ? cardFor('escalation', route.to) : null;
      if (!card || card === 'unreachable') continue;
      let entry = card.unreachable.find((u) => u.person.id === to.id);
      if (!entry) card.unreachable.push((entry = { person: to, knownToTeams: !!(to.teamsUserId || to.aadObjectId) && !!to.tenantId, items: [] }));
      entry.items.push(owed(c));
      return true;
    }
    return false;
  };

  for (const c of unsent(reminders)) {
    const route = routeReminder(c.owner, people, now);
    if ('wait' in route) {
      waiting(c.owner.id, route.wait);
      continue;
    }
    const card = cardFor('reminder', route.to);
    if (card === 'unreachable') {
      if (!reportUnreachable(route.to, c)) undeliverable(route.to.id);
    } else card?.items.push(owed(c));
  }
  for (const c of unsent(escalations)) {
    const route = routeReminder(c.owner, people, now);
    if ('wait' in route) {
      waiting(c.owner.id, route.wait);
      continue;
    }
    const card = cardFor('escalation', route.to);
    if (card === 'unreachable') undeliverable(route.to.id);
    else card?.items.push(owed(c));
  }

  decision.cards = [...cards.values()].filter((c) => c.items.length || c.unreachable.length);
  return decision;
}

/** Each open action's owed reminders (one per owner holding a post) and escalations (one per plan owner), sent or not. */
function owedCandidates(actions: OpenAction[], posts: Posts, slots: ReadonlyMap<string, Slot>, policyErrors: ReminderDecision['policyErrors']): { reminders: Candidate[]; escalations: Candidate[] } {
  const policies = new Map<string, ReminderPolicy>();
  const policyOf = (planKey: string, json: string | null) => {
    let policy = policies.get(planKey);
    if (!policy) {
      const parsed = parseReminderPolicy(json);
      if (parsed.error) policyErrors.push({ planKey, error: parsed.error });
      policies.set(planKey, (policy = parsed.policy));
    }
    return policy;
  };
  // Each person's local date was worked out with their slot; time-zone maths per action row is costly.
  const todayOf = (p: ReminderPerson) => slots.get(p.id)!.localDate;
  const weeks = new Map<string, number[]>();
  const weekOf = (p: ReminderPerson) => {
    let week = weeks.get(p.id);
    if (!week) weeks.set(p.id, (week = workingDaysOf(p)));
    return week;
  };

  const reminders: Candidate[] = [];
  const escalations: Candidate[] = [];
  for (const a of actions) {
    const policy = policyOf(a.planKey, a.planPolicy);
    const planOwners = (a.planOwnerPostId && posts.get(a.planOwnerPostId)?.holders) || [];
    for (const owner of holders(a, posts)) {
      const o = owedOccasion(a, todayOf(owner), weekOf(owner), policy);
      if (o) reminders.push({ key: reminderKey(a.id, o, a.due, owner.id), kind: o.kind, occasion: o.date, open: a, owner, planOwners });
    }
    for (const planOwner of planOwners) {
      if (!isEscalated(a.due, todayOf(planOwner), policy)) continue;
      const occasion = addDays(a.due!, policy.escalateAfterDays + 1);
      escalations.push({ key: escalationKey(a.id, a.due!, planOwner.id), kind: 'escalation', occasion, open: a, owner: planOwner, planOwners });
    }
  }
  return { reminders, escalations };
}

/** Counts items per person into `list`, one entry each in order of first appearance. */
function tally<T extends { personId: string; items: number }, A extends unknown[]>(list: T[], entry: (personId: string, ...rest: A) => T) {
  const byPerson = new Map<string, T>();
  return (personId: string, ...rest: A) => {
    let e = byPerson.get(personId);
    if (!e) {
      list.push((e = entry(personId, ...rest)));
      byPerson.set(personId, e);
    }
    e.items++;
  };
}

/** Current holders of the action's owner posts, each once. */
function holders(a: OpenAction, posts: Posts): ReminderPerson[] {
  // Most actions have one owner post: no set to build.
  if (a.owners.length === 1) return posts.get(a.owners[0].postId)?.holders ?? [];
  return [...new Set(a.owners.flatMap((o) => posts.get(o.postId)?.holders ?? []))];
}
