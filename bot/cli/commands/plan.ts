/**
 * `plan show KEY` / `plan set KEY --verifier POST --risk-acceptor POST --evidence high|all|none`: who
 * verifies when the plan owner cannot, who may accept a risk, which actions need evidence. `none` as a
 * post clears it (verification falls back to admins, risk acceptance to the plan owner).
 * `plan archive KEY` / `plan restore KEY`: stop or start following a plan up; its record stays.
 */
import { EVIDENCE_POLICY_WORDS, planSettings, setPlanSettings, type PlanSettings } from '../../../core/plan-settings';
import { setPlanArchived } from '../../../core/plans';
import { formatDate } from '../../../core/time';
import { parseArgs, stringOption, type CliCommand, type CliContext } from '../command';

const USAGE =
  'plan show KEY | plan set KEY [--verifier POST|none] [--risk-acceptor POST|none] [--evidence high|all|none] [--escalate-after high=7,medium=14,low=30] [--verify-follow-up high=5,medium=10,low=none] | plan archive KEY | plan restore KEY';
const OPTION: Record<string, string> = {
  verifier: '--verifier',
  riskAcceptor: '--risk-acceptor',
  evidence: '--evidence',
  escalateAfter: '--escalate-after',
  verifyFollowUp: '--verify-follow-up',
  plan: 'KEY',
  form: 'plan set',
};

export const plan: CliCommand = {
  name: 'plan',
  usage: USAGE,
  summary: 'show or set who verifies, who may accept risk and which actions need evidence; archive or restore a plan',
  async run(args, ctx) {
    const { positional, options } = parseArgs(args);
    const [verb, key] = positional;
    if (!key || !['show', 'set', 'archive', 'restore'].includes(verb)) {
      ctx.err(`usage: npm run chaser -- ${USAGE}`);
      return 2;
    }
    if (verb === 'archive' || verb === 'restore') {
      const r = await setPlanArchived(ctx.core, key, verb === 'archive');
      if (!r.ok) return fail(ctx, r.error);
      ctx.out(
        r.archivedAt
          ? `${r.key} archived ${formatDate(r.archivedAt)}: no more reminders, digests or answers about it; its record is kept and it still exports. \`plan restore ${r.key}\` follows it again.`
          : `${r.key} is followed again: reminders, digests and answers include it.`,
      );
      return 0;
    }
    if (verb === 'show') {
      const s = await planSettings(ctx.core, key);
      if (!s) return fail(ctx, `There is no plan ${key.toUpperCase()}.`);
      print(ctx, s);
      return 0;
    }
    const post = (name: string) => {
      const v = stringOption(options, name);
      return v === undefined ? undefined : v.trim().toLowerCase() === 'none' ? null : v;
    };
    const settings = {
      verifier: post('verifier'),
      riskAcceptor: post('risk-acceptor'),
      evidence: stringOption(options, 'evidence'),
      escalateAfter: stringOption(options, 'escalate-after'),
      verifyFollowUp: stringOption(options, 'verify-follow-up'),
    };
    const r = await setPlanSettings(ctx.core, 'operator', key, settings);
    if (!r.ok) {
      for (const [field, message] of Object.entries(r.errors)) ctx.err(`${OPTION[field] ?? field}: ${message}`);
      return 1;
    }
    print(ctx, r.settings);
    return 0;
  },
};

function print(ctx: CliContext, s: PlanSettings): void {
  const verifier = s.verifier ?? 'none (admins, when the plan owner cannot)';
  const acceptor = s.riskAcceptor ?? 'the plan owner';
  const evidence = EVIDENCE_POLICY_WORDS[s.evidence];
  const windows = (byPriority: Record<string, number | null>) =>
    Object.entries(byPriority)
      .map(([priority, days]) => `${priority} ${days === null ? 'not followed up' : `${days} days`}`)
      .join(', ');
  ctx.out(
    `${s.key}: verifier ${verifier}; risk acceptor ${acceptor}; evidence needed for ${evidence}; escalated to the plan owner when overdue by more than: ${windows(s.escalateAfter)}; completions followed up with whoever verifies after waiting: ${windows(s.verifyFollowUp)}`,
  );
}

function fail(ctx: CliContext, message: string): number {
  ctx.err(message);
  return 1;
}
