/**
 * Decides a reminder run: which reminders and escalations are owed and not yet sent, and which daily
 * card each goes on. One card per recipient per local day: owners (or their delegates) get a
 * "reminder" card; plan owners get an "escalation" card listing actions overdue beyond the policy and
 * owners the bot cannot reach. Nothing is written here: the dry run shows this, the job records it.
 */
import type { ActionView } from '../actions/view';
import type { CoreContext } from '../context';
import { addDays, localDate } from '../time';
import { existingOutboxKeys, existingReminderKeys, loadActionViews, loadOpenActions, loadPeople, loadPersonalConversations, loadPlans, loadPostHolders } from './load';
import { dueLabel, escalationKey, isEscalated, owedOccasion, owedWindow, reminderKey, type ReminderKind } from './occasions';
import { parseReminderPolicy, type ReminderPolicy } from './policy';
import { reminderSlot, routeReminder, workingDaysOf, type ReminderPerson, type Slot } from './recipients';

export type CardPurpose = 'reminder' | 'escalation';

export interface ReminderItem {
  /** ReminderLog key. */
  key: string;
  kind: ReminderKind | 'escalation';
  /** The day the reminder became owed. */
  occasion: string;
  action: ActionView;
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

interface Candidate extends Omit<ReminderItem, 'action'> {
  actionId: string;
  planOwnerIds: string[];
}

type Owed = Candidate & ReminderItem;

export async function decideReminders(ctx: CoreContext, opts: DecideOptions): Promise<ReminderDecision> {
  const now = ctx.now();
  const decision: ReminderDecision = { asOf: now, cards: [], waiting: [], undeliverable: [], policyErrors: [] };
  const people = await loadPeople(ctx);
  const slots = new Map([...people.values()].map((p) => [p.id, reminderSlot(p, now, opts.reminderTime, ctx.timeZone)]));
  const cardKey = (purpose: CardPurpose, p: ReminderPerson) => `${purpose}:${p.id}:${slots.get(p.id)!.localDate}`;
  const open = [...people.values()].filter((p) => slots.get(p.id)!.open);
  const alreadySent = await existingOutboxKeys(ctx, open.flatMap((p) => [cardKey('reminder', p), cardKey('escalation', p)]));
  // Most sweeps find nobody whose time has come and who still lacks a card today: stop before reading actions.
  if (open.every((p) => alreadySent.has(cardKey('reminder', p)) && alreadySent.has(cardKey('escalation', p)))) return decision;

  const plans = await loadPlans(ctx);
  const fewestWorkingDays = Math.min(...[...people.values()].map((p) => workingDaysOf(p).length));
  const window = owedWindow(localDate(now, ctx.timeZone), [...plans.values()].map((p) => parseReminderPolicy(p.reminderPolicy).policy), fewestWorkingDays);
  const actions = await loadOpenActions(ctx, now, window, plans);
  const holders = await loadPostHolders(ctx, [...new Set(actions.flatMap((a) => (a.planOwnerPostId ? [a.planOwnerPostId] : [])))]);
  const policies = new Map<string, ReminderPolicy>();
  const policyOf = (planKey: string, json: string | null) => {
    let policy = policies.get(planKey);
    if (!policy) {
      const parsed = parseReminderPolicy(json);
      if (parsed.error) decision.policyErrors.push({ planKey, error: parsed.error });
      policies.set(planKey, (policy = parsed.policy));
    }
    return policy;
  };
  // Each person's local date was worked out with their slot; time-zone maths per action row is costly.
  const todayOf = (p: ReminderPerson) => slots.get(p.id)!.localDate;

  const reminders: Candidate[] = [];
  const escalations: Candidate[] = [];
  for (const a of actions) {
    const policy = policyOf(a.planKey, a.planPolicy);
    const planOwnerIds = (a.planOwnerPostId && holders.get(a.planOwnerPostId)) || [];
    const subject = { due: a.due, lastActivity: a.lastActivity };
    for (const owner of known(people, a.ownerIds)) {
      const today = todayOf(owner);
      const o = owedOccasion(subject, today, workingDaysOf(owner), policy);
      if (o) reminders.push({ key: reminderKey(a.id, o, a.due, owner.id), kind: o.kind, occasion: o.date, actionId: a.id, label: dueLabel(subject, today), owner, planOwnerIds });
    }
    for (const planOwner of known(people, planOwnerIds)) {
      const today = todayOf(planOwner);
      if (!isEscalated(a.due, today, policy)) continue;
      const occasion = addDays(a.due!, policy.escalateAfterDays + 1);
      escalations.push({ key: escalationKey(a.id, a.due!, planOwner.id), kind: 'escalation', occasion, actionId: a.id, label: dueLabel(subject, today), owner: planOwner, planOwnerIds });
    }
  }

  const logged = await existingReminderKeys(ctx, [...reminders, ...escalations].map((c) => c.key));
  // Views (owners, holders, last update) only for what is owed and not yet sent.
  const unsent = (list: Candidate[]) => list.filter((c) => !logged.has(c.key));
  const views = await loadActionViews(ctx, [...new Set([...unsent(reminders), ...unsent(escalations)].map((c) => c.actionId))], now);
  const owed = (list: Candidate[]): Owed[] => unsent(list).map((c) => ({ ...c, action: views.get(c.actionId)! }));
  const conversations = await loadPersonalConversations(ctx, open.map((p) => p.id));

  const cards = new Map<string, DailyCard>();
  /** Today's card for the recipient, 'unreachable' when they have no chat with the bot, null when it is not (or no longer) their time today. */
  const cardFor = (purpose: CardPurpose, to: ReminderPerson): DailyCard | 'unreachable' | null => {
    const slot = slots.get(to.id)!;
    const key = cardKey(purpose, to);
    if (!slot.open || alreadySent.has(key)) return null;
    const conversationRefId = conversations.get(to.id);
    if (!conversationRefId) return 'unreachable';
    let card = cards.get(key);
    if (!card) cards.set(key, (card = { purpose, idempotencyKey: key, recipient: to, slot, conversationRefId, items: [], unreachable: [] }));
    return card;
  };
  const waiting = (personId: string, reason: 'paused' | 'away') => {
    const w = decision.waiting.find((x) => x.personId === personId);
    if (w) w.items++;
    else decision.waiting.push({ personId, reason, items: 1 });
  };
  const undeliverable = (personId: string) => {
    const u = decision.undeliverable.find((x) => x.personId === personId);
    if (u) u.items++;
    else decision.undeliverable.push({ personId, items: 1 });
  };

  /** The first plan owner whose escalation card is going out today hears about the unreachable owner. */
  const reportUnreachable = (to: ReminderPerson, item: Owed): boolean => {
    for (const planOwner of known(people, item.planOwnerIds)) {
      const route = routeReminder(planOwner, people, now);
      const card = 'to' in route ? cardFor('escalation', route.to) : null;
      if (!card || card === 'unreachable') continue;
      let entry = card.unreachable.find((u) => u.person.id === to.id);
      if (!entry) card.unreachable.push((entry = { person: to, knownToTeams: !!(to.teamsUserId || to.aadObjectId) && !!to.tenantId, items: [] }));
      entry.items.push(item);
      return true;
    }
    return false;
  };

  for (const item of owed(reminders)) {
    const route = routeReminder(item.owner, people, now);
    if ('wait' in route) {
      waiting(item.owner.id, route.wait);
      continue;
    }
    const card = cardFor('reminder', route.to);
    if (card === 'unreachable') {
      if (!reportUnreachable(route.to, item)) undeliverable(route.to.id);
    } else card?.items.push(item);
  }
  for (const item of owed(escalations)) {
    const route = routeReminder(item.owner, people, now);
    if ('wait' in route) {
      waiting(item.owner.id, route.wait);
      continue;
    }
    const card = cardFor('escalation', route.to);
    if (card === 'unreachable') undeliverable(route.to.id);
    else card?.items.push(item);
  }

  decision.cards = [...cards.values()].filter((c) => c.items.length || c.unreachable.length);
  return decision;
}

function known(people: ReadonlyMap<string, ReminderPerson>, ids: string[]): ReminderPerson[] {
  return ids.flatMap((id) => people.get(id) ?? []);
}
