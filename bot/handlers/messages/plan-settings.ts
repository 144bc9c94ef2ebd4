/**
 * Admins in chat: "plan BTP-CDI verifier Head of Internal Audit", "plan BTP-CDI risk acceptor Chief
 * Constable", "plan BTP-CDI evidence all" ("none" clears a post). The same rules as `plan set`.
 */
import type { TurnContext } from 'botbuilder';
import { EVIDENCE_POLICY_WORDS, setPlanSettings, type PlanSettingsInput } from '../../../core/plan-settings';
import type { BotDeps } from '../../deps';
import { senderId } from '../actions/sender';

export const PLAN_SETTING = /^\s*plan\s+(\S+)\s+(verifier|risk\s+acceptor|evidence)\s+(.+?)\s*$/i;

export function planSetting(deps: BotDeps) {
  return async (context: TurnContext): Promise<void> => {
    const [, key, setting, value] = PLAN_SETTING.exec(context.activity.text ?? '')!;
    const post = value.toLowerCase() === 'none' ? null : value;
    const which = setting.toLowerCase().startsWith('risk')
      ? 'riskAcceptor'
      : setting.toLowerCase() === 'verifier'
        ? 'verifier'
        : 'evidence';
    const input: PlanSettingsInput = which === 'evidence' ? { evidence: value.toLowerCase() } : { [which]: post };
    const r = await setPlanSettings(deps.core, await senderId(deps, context), key, input);
    if (!r.ok) return void (await context.sendActivity(Object.values(r.errors).join(' ')));
    const s = r.settings;
    const verifier = s.verifier ? `the ${s.verifier}` : 'an admin';
    const evidence = EVIDENCE_POLICY_WORDS[s.evidence];
    await context.sendActivity(
      `${s.key}: ${verifier} verifies when the plan owner cannot; ` +
        `the ${s.riskAcceptor ?? 'plan owner'} may accept risk; evidence is needed for ${evidence}.`,
    );
  };
}
