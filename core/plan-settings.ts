/**
 * Per-plan separation of duties and evidence rules, set by admins: the post that verifies when the plan
 * owner cannot, the post that may accept a risk (none: the plan owner), and which actions need
 * evidence before they count as complete, after how many days overdue each priority is escalated
 * to the plan owner, and after how many days waiting a completion is followed up with whoever verifies. Posts are named as plans name them; an unknown name is refused with the names it
 * might have meant, never created.
 */
import { z } from 'zod';
import type { CoreContext } from './context';
import { EVIDENCE_POLICIES, PRIORITIES, type EvidencePolicy, type Priority } from './domain';
import { may } from './people/permissions';
import { escalationDays, parseReminderPolicy, verifyFollowUpDays, type ReminderPolicy } from './reminders/policy';

/**
 * "high=7,medium=14,low=30": days per priority, at least `min`; `none` stops it for a priority in
 * `noneFor` (null in the result).
 */
function daysByPriority(min: number, noneFor: readonly Priority[]) {
  const none = noneFor.length ? `, or ${noneFor.join('/')}=none` : '';
  return z
    .string()
    .trim()
    .transform((text, ctx) => {
      const windows: Partial<Record<Priority, number | null>> = {};
      for (const part of text.split(',')) {
        const m = /^\s*(high|medium|low)\s*=\s*(\d{1,3}|none)\s*$/i.exec(part);
        const priority = m?.[1].toLowerCase() as Priority | undefined;
        const days = m && m[2].toLowerCase() !== 'none' ? Number(m[2]) : null;
        if (!priority || (days === null ? !noneFor.includes(priority) : days < min || days > 365)) {
          ctx.addIssue({
            code: 'custom',
            message: `Write each priority as high=7, medium=14 or low=30 (days, ${min} to 365${none})`,
          });
          return z.NEVER;
        }
        windows[priority] = days;
      }
      return windows;
    });
}

const postName = z.string().trim().min(1, 'Name a post').max(200);

export const planSettingsSchema = z
  .object({
    verifier: z.union([postName, z.literal(null)]).optional(),
    riskAcceptor: z.union([postName, z.literal(null)]).optional(),
    evidence: z
      .enum(EVIDENCE_POLICIES, { errorMap: () => ({ message: `Evidence is one of ${EVIDENCE_POLICIES.join(', ')}` }) })
      .optional(),
    escalateAfter: daysByPriority(0, []).optional(),
    // High priority is always followed up to verification: only its window can change.
    verifyFollowUp: daysByPriority(1, ['medium', 'low']).optional(),
  })
  .refine((s) => Object.values(s).some((v) => v !== undefined), {
    message: 'Say what to set: a verifier, a risk acceptor, an evidence rule, escalation or verification windows',
    path: ['form'],
  });
/** As typed (CLI options, a chat command): validated by planSettingsSchema. */
export interface PlanSettingsInput {
  verifier?: string | null;
  riskAcceptor?: string | null;
  evidence?: string;
  escalateAfter?: string;
  verifyFollowUp?: string;
}

/** Which actions a policy covers, in words: "evidence is needed for high-priority actions". */
export const EVIDENCE_POLICY_WORDS: Record<EvidencePolicy, string> = {
  none: 'no action',
  high: 'high-priority actions',
  all: 'every action',
};

export interface PlanSettings {
  key: string;
  verifier: string | null;
  riskAcceptor: string | null;
  evidence: EvidencePolicy;
  /** Days overdue before the plan owner hears of an action, per priority. */
  escalateAfter: Record<Priority, number>;
  /** Days a completion waits for verification before whoever verifies is reminded, per priority; null: not followed up. */
  verifyFollowUp: Record<Priority, number | null>;
}

export type PlanSettingsResult = { ok: true; settings: PlanSettings } | { ok: false; errors: Record<string, string> };

/** `actorId` "operator" is the CLI, which runs with the database's own authority. */
export async function setPlanSettings(
  ctx: CoreContext,
  actorId: string | 'operator',
  planKey: string,
  input: PlanSettingsInput,
): Promise<PlanSettingsResult> {
  if (!(await may(ctx, actorId, 'plan.settings')))
    return { ok: false, errors: { form: 'Only admins can set who verifies and who may accept risk.' } };
  const plan = await ctx.db.prisma.plan.findUnique({ where: { key: planKey.trim().toUpperCase() } });
  if (!plan) return { ok: false, errors: { plan: `There is no plan ${planKey.trim().toUpperCase()}.` } };
  const parsed = planSettingsSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      errors: Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0] ?? 'form'), i.message])),
    };
  }
  const s = parsed.data;
  const errors: Record<string, string> = {};
  const verifierPostId = await postIdOf(ctx, s.verifier, 'verifier', errors);
  const riskAcceptorPostId = await postIdOf(ctx, s.riskAcceptor, 'riskAcceptor', errors);
  if (Object.keys(errors).length) return { ok: false, errors };
  const reminderPolicy =
    s.escalateAfter || s.verifyFollowUp
      ? withWindows(plan.reminderPolicy, { escalate: s.escalateAfter, verify: s.verifyFollowUp })
      : undefined;
  await ctx.db.prisma.plan.update({
    where: { id: plan.id },
    data: { verifierPostId, riskAcceptorPostId, evidencePolicy: s.evidence, reminderPolicy },
  });
  return { ok: true, settings: (await planSettings(ctx, plan.key))! };
}

export async function planSettings(ctx: Pick<CoreContext, 'db'>, planKey: string): Promise<PlanSettings | null> {
  const p = await ctx.db.prisma.plan.findUnique({
    where: { key: planKey.toUpperCase() },
    select: {
      key: true,
      evidencePolicy: true,
      reminderPolicy: true,
      verifierPost: { select: { name: true } },
      riskAcceptorPost: { select: { name: true } },
    },
  });
  if (!p) return null;
  return {
    key: p.key,
    verifier: p.verifierPost?.name ?? null,
    riskAcceptor: p.riskAcceptorPost?.name ?? null,
    evidence: p.evidencePolicy as EvidencePolicy,
    escalateAfter: perPriority(p.reminderPolicy, escalationDays),
    verifyFollowUp: perPriority(p.reminderPolicy, verifyFollowUpDays),
  };
}

function perPriority<T>(json: string | null, days: (policy: ReminderPolicy, priority: Priority) => T) {
  const { policy } = parseReminderPolicy(json);
  return Object.fromEntries(PRIORITIES.map((p) => [p, days(policy, p)])) as Record<Priority, T>;
}

type Windows = Partial<Record<Priority, number | null>>;

/** The plan's reminder policy JSON with these windows set (null: unset; the rest of what it sets kept). */
function withWindows(json: string | null, w: { escalate?: Windows; verify?: Windows }): string {
  const { policy, error } = parseReminderPolicy(json);
  // A policy that no longer parses is replaced rather than carried on.
  const kept = error || !json?.trim() ? {} : (JSON.parse(json) as Record<string, unknown>);
  const merged = (current: Windows, changes: Windows = {}) =>
    Object.fromEntries(Object.entries({ ...current, ...changes }).filter(([, days]) => days !== null));
  return JSON.stringify({
    ...kept,
    ...(w.escalate && { escalateAfterDaysByPriority: merged(policy.escalateAfterDaysByPriority, w.escalate) }),
    ...(w.verify && { verifyFollowUpDaysByPriority: merged(policy.verifyFollowUpDaysByPriority, w.verify) }),
  });
}

/** undefined: leave as is; null: clear; a name: the post of that name (case-insensitive). */
async function postIdOf(
  ctx: Pick<CoreContext, 'db'>,
  name: string | null | undefined,
  field: string,
  errors: Record<string, string>,
): Promise<string | null | undefined> {
  if (name === undefined || name === null) return name;
  const posts = await ctx.db.prisma.post.findMany({ select: { id: true, name: true } });
  const found = posts.find((p) => p.name.toLowerCase() === name.toLowerCase());
  if (found) return found.id;
  // The posts sharing the most words with what was typed ("Head of Audit" → "Head of Internal Audit").
  const words = name
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w.length > 2);
  const scored = posts.map((p) => ({
    name: p.name,
    score: words.filter((w) => p.name.toLowerCase().includes(w)).length,
  }));
  const best = Math.max(0, ...scored.map((p) => p.score));
  const near = best
    ? scored
        .filter((p) => p.score === best)
        .slice(0, 5)
        .map((p) => p.name)
    : [];
  errors[field] = `There is no post "${name}".${near.length ? ` Did you mean: ${near.join('; ')}?` : ''}`;
  return undefined;
}
