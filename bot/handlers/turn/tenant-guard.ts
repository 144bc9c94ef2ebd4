/**
 * Runs first on every turn: when ALLOWED_TENANTS is set, activities from any other tenant (or naming no
 * tenant) stop here, before anything of theirs is stored, and are logged. A message gets one line saying
 * Chaser is not available, so someone who side-loaded the app knows it is not broken; a card click gets
 * a 403 invoke error; installs and other events get nothing.
 */
import type { TurnContext } from 'botbuilder';
import type { BotDeps } from '../../deps';
import { teamsInfo } from '../../teams-activity';
import { refuseInvoke } from './refuse-invoke';

export const NOT_AVAILABLE = 'Chaser is not available to your organisation.';

export function tenantGuard(deps: BotDeps) {
  const allowed = new Set(deps.config.ALLOWED_TENANTS.map((t) => t.toLowerCase()));
  return async (context: TurnContext): Promise<boolean> => {
    if (!allowed.size) return true;
    const a = context.activity;
    // Teams puts the tenant in two places; both must be allowed, so a mismatched pair cannot slip through.
    const claimed = [a.conversation?.tenantId, teamsInfo(a).tenantId].filter((t): t is string => !!t);
    if (claimed.length && claimed.every((t) => allowed.has(t.toLowerCase()))) return true;
    deps.log.warn(
      { tenantIds: claimed, activityType: a.type, channelId: a.channelId },
      'refused an activity from a tenant not in ALLOWED_TENANTS',
    );
    if (a.type === 'invoke') await refuseInvoke(context, 403, NOT_AVAILABLE);
    else if (a.type === 'message') await context.sendActivity(NOT_AVAILABLE);
    return false;
  };
}
