/**
 * Decides a reminder run: which reminders and escalations are owed and not yet sent, and which daily
 * card each goes on. One card per recipient per local day: owners (or their delegates) get a
 * "reminder" card; plan owners get an "escalation" card listing actions overdue beyond the policy and
 * owners the bot cannot reach. Nothing is written here: the dry run shows this, the job records it.
 */
import type { CoreContext } from '../context';
import { localDate } from '../time';
import { toReminderAction, type ReminderAction } from './card-action';
import {
  existingReminderKeys,
  loadOpenActions,
  loadPeople,
  loadPersonalConversations,
  loadPlans,
  loadPosts,
  recentCardKeys,
  type OpenAction,
  type Posts,
} from './load';
import { OwnerCalendar } from './calendar';
import { escalationKey, owedWindow, reminderKey, type ReminderKind } from './occasions';
import { escalationDays, parseReminderPolicy, type ReminderPolicy } from './policy';
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

interface Candidate extends Omit<ReminderItem, 'action' | 'label' | 'owner'> {
  open: OpenAction;
  /** Whose reminder it is. */
  owner: PersonToday;
  planOwners: PersonToday[];
}

/** What a sweep works out once per person rather than per action or per candidate. */
interface PersonToday {
  person: ReminderPerson;
  slot: Slot;
  calendar: OwnerCalendar;
  /** Where their reminders go now: whose card they go on (theirs or their delegate's), or why they wait. */
  route: { to: PersonToday } | { wait: 'paused' | 'away' };
  /** Their 1:1 chat with the bot, once looked up (null: none). */
  conversationRefId?: string | null;
  /** Today's card of each purpose: its idempotency key, and whether it is still to go out (their time has come and it has not been decided yet). */
  card: Record<CardPurpose, { key: string; due: boolean }>;
}

export async function decideReminders(ctx: CoreContext, opts: DecideOptions): Promise<ReminderDecision> {
  const now = ctx.now();
  const decision: ReminderDecision = { asOf: now, cards: [], waiting: [], undeliverable: [], policyErrors: [] };
  // Plans are tens of rows: read with people, so the actions' window is known at once.
  const [people, plans, alreadySent] = await Promise.all([loadPeople(ctx), loadPlans(ctx), recentCardKeys(ctx, now)]);
  const slots = reminderSlots(people.values(), now, opts.reminderTime, ctx.timeZone);
  const open = [...people.values()].filter((p) => slots.get(p.id)!.open).map((p) => cardKeys(p, slots.get(p.id)!));
  // Most sweeps find nobody whose time has come and who still lacks a card today: stop before reading actions.
  if (open.every((k) => alreadySent.has(k.reminder) && alreadySent.has(k.escalation))) return decision;

  const today = peopleToday(people, slots, alreadySent, now);

  const orgToday = localDate(now, ctx.timeZone);
  let fewestWorkingDays = 7;
  for (const p of today.values()) fewestWorkingDays = Math.min(fewestWorkingDays, p.calendar.week.length);
  const window = owedWindow(
    orgToday,
    [...plans.values()].map((p) => parseReminderPolicy(p.reminderPolicy).policy),
    fewestWorkingDays,
  );
  const [posts, conversations, actions] = await Promise.all([
    loadPosts(ctx, people),
    loadPersonalConversations(ctx),
    loadOpenActions(ctx, now, window, plans),
  ]);
  const { reminders, escalations } = owedCandidates(actions, posts, today, decision.policyErrors);

  /** Reminders that would go nowhere today (the recipient's card is not due) need no ReminderLog lookup. */
  const mayGo = (purpose: CardPurpose) => (c: Candidate) =>
    'wait' in c.owner.route || c.owner.route.to.card[purpose].due;
  const considered = [...reminders.filter(mayGo('reminder')), ...escalations.filter(mayGo('escalation'))];
  const logged = new Set(
    (
      await existingReminderKeys(
        ctx,
        considered.map((c) => c.key),
      )
    ).map((i) => considered[i]),
  );
  const unsent = (list: Candidate[]) => list.filter((c) => !logged.has(c));
  // Card rows (once per action) and labels only for reminders that go on a card.
  const cardActions = new WeakMap<OpenAction, ReminderAction>();
  const owed = (c: Candidate): ReminderItem => {
    let action = cardActions.get(c.open);
    if (!action) cardActions.set(c.open, (action = toReminderAction(c.open, posts, orgToday, ctx)));
    return {
      key: c.key,
      kind: c.kind,
      occasion: c.occasion,
      action,
      label: c.owner.calendar.label(c.open),
      owner: c.owner.person,
    };
  };

  const cards = new Map<string, DailyCard>();
  /** Today's card for the recipient, 'unreachable' when they have no chat with the bot, null when it is not (or no longer) their time today. */
  const cardFor = (purpose: CardPurpose, to: PersonToday): DailyCard | 'unreachable' | null => {
    const { key, due } = to.card[purpose];
    if (!due) return null;
    const conversationRefId = (to.conversationRefId ??= conversations.get(to.person.id) ?? null);
    if (!conversationRefId) return 'unreachable';
    let card = cards.get(key);
    if (!card)
      cards.set(
        key,
        (card = {
          purpose,
          idempotencyKey: key,
          recipient: to.person,
          slot: to.slot,
          conversationRefId,
          items: [],
          unreachable: [],
        }),
      );
    return card;
  };
  const waiting = tally(decision.waiting, (personId, reason: 'paused' | 'away') => ({ personId, reason, items: 0 }));
  const undeliverable = tally(decision.undeliverable, (personId) => ({ personId, items: 0 }));

  /** The first plan owner whose escalation card is going out today hears about the unreachable owner. */
  const reportUnreachable = ({ person: to }: PersonToday, c: Candidate): boolean => {
    for (const planOwner of c.planOwners) {
      const card = 'to' in planOwner.route ? cardFor('escalation', planOwner.route.to) : null;
      if (!card || card === 'unreachable') continue;
      let entry = card.unreachable.find((u) => u.person.id === to.id);
      if (!entry)
        card.unreachable.push(
          (entry = { person: to, knownToTeams: !!(to.teamsUserId || to.aadObjectId) && !!to.tenantId, items: [] }),
        );
      entry.items.push(owed(c));
      return true;
    }
    return false;
  };

  for (const c of unsent(reminders)) {
    const { route } = c.owner;
    if ('wait' in route) {
      waiting(c.owner.person.id, route.wait);
      continue;
    }
    const card = cardFor('reminder', route.to);
    if (card === 'unreachable') {
      if (!reportUnreachable(route.to, c)) undeliverable(route.to.person.id);
    } else card?.items.push(owed(c));
  }
  for (const c of unsent(escalations)) {
    const { route } = c.owner;
    if ('wait' in route) {
      waiting(c.owner.person.id, route.wait);
      continue;
    }
    const card = cardFor('escalation', route.to);
    if (card === 'unreachable') undeliverable(route.to.person.id);
    else card?.items.push(owed(c));
  }

  decision.cards = [...cards.values()].filter((c) => c.items.length || c.unreachable.length);
  return decision;
}

function cardKeys(p: ReminderPerson, slot: Slot): Record<CardPurpose, string> {
  return { reminder: `reminder:${p.id}:${slot.localDate}`, escalation: `escalation:${p.id}:${slot.localDate}` };
}

/** A card key, and whether the card is still to go out: their time has come and it has not been decided yet. */
function todaysCard(key: string, slot: Slot, alreadySent: ReadonlySet<string>): { key: string; due: boolean } {
  return { key, due: slot.open && !alreadySent.has(key) };
}

/** Each person's day; a calendar is shared by everyone with the same local date and working week. */
function peopleToday(
  people: ReadonlyMap<string, ReminderPerson>,
  slots: ReadonlyMap<string, Slot>,
  alreadySent: ReadonlySet<string>,
  now: Date,
): Map<string, PersonToday> {
  const today = new Map<string, PersonToday>();
  const calendars = new Map<string, OwnerCalendar>();
  for (const p of people.values()) {
    const slot = slots.get(p.id)!;
    const keys = cardKeys(p, slot);
    const calendarKey = `${slot.localDate} ${p.workingDays}`;
    let calendar = calendars.get(calendarKey);
    if (!calendar) calendars.set(calendarKey, (calendar = new OwnerCalendar(slot.localDate, workingDaysOf(p))));
    today.set(p.id, {
      person: p,
      slot,
      calendar,
      route: { wait: 'paused' },
      card: {
        reminder: todaysCard(keys.reminder, slot, alreadySent),
        escalation: todaysCard(keys.escalation, slot, alreadySent),
      },
    });
  }
  // A route points at the recipient's day, so routes are set once every day exists (in place of the placeholder above).
  for (const day of today.values()) {
    const route = routeReminder(day.person, people, now);
    day.route = 'wait' in route ? route : { to: today.get(route.to.id)! };
  }
  return today;
}

/** Each open action's owed reminders (one per owner holding a post) and escalations (one per plan owner), sent or not. */
function owedCandidates(
  actions: OpenAction[],
  posts: Posts,
  today: ReadonlyMap<string, PersonToday>,
  policyErrors: ReminderDecision['policyErrors'],
): { reminders: Candidate[]; escalations: Candidate[] } {
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

  // Each post's holders' days, looked up once per post rather than per action.
  const holderDays = new Map<string, PersonToday[]>();
  const holdersOf = (postId: string) => {
    let days = holderDays.get(postId);
    if (!days) holderDays.set(postId, (days = (posts.get(postId)?.holders ?? []).map((p) => today.get(p.id)!)));
    return days;
  };

  const reminders: Candidate[] = [];
  const escalations: Candidate[] = [];
  // Actions come plan by plan: each plan's policy and owners are looked up once.
  let plan: { key: string; policy: ReminderPolicy; owners: PersonToday[] } | undefined;
  for (const a of actions) {
    if (plan?.key !== a.planKey)
      plan = {
        key: a.planKey,
        policy: policyOf(a.planKey, a.planPolicy),
        owners: a.planOwnerPostId ? holdersOf(a.planOwnerPostId) : [],
      };
    const { policy, owners: planOwners } = plan;
    for (const owner of owningHolders(a, holdersOf)) {
      const o = owner.calendar.occasion(a, policy);
      if (o)
        reminders.push({
          key: reminderKey(a.id, o, a.due, owner.person.id),
          kind: o.kind,
          occasion: o.date,
          open: a,
          owner,
          planOwners,
        });
    }
    for (const planOwner of planOwners) {
      const occasion = a.due && planOwner.calendar.escalation(a.due, escalationDays(policy, a.priority));
      if (occasion)
        escalations.push({
          key: escalationKey(a.id, a.due!, planOwner.person.id),
          kind: 'escalation',
          occasion,
          open: a,
          owner: planOwner,
          planOwners,
        });
    }
  }
  return { reminders, escalations };
}

/** Counts items per person into `list`, one entry each in order of first appearance. */
function tally<T extends { personId: string; items: number }, A extends unknown[]>(
  list: T[],
  entry: (personId: string, ...rest: A) => T,
) {
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
function owningHolders(a: OpenAction, holdersOf: (postId: string) => PersonToday[]): PersonToday[] {
  // Most actions have one owner post: nothing to merge.
  if (a.owners.length === 1) return holdersOf(a.owners[0].postId);
  const days: PersonToday[] = [];
  for (const o of a.owners) for (const day of holdersOf(o.postId)) if (!days.includes(day)) days.push(day);
  return days;
}
