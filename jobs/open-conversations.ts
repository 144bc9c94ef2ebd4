/**
 * Opens 1:1 chats for the reminder sweep with recipients who never talked to the bot but are known to
 * Teams (core/people/reach.ts picks who; the ConversationOpener from bot/ talks to Teams). A refusal
 * (403/404: the app is not installed for them) is remembered so they are reported as unreachable
 * owners and not asked about every sweep; any other failure is reported today and tried tomorrow.
 *
 * Pacing: Teams counts conversation creates against the same per-app limits as sends, and at
 * reminder time the outbox worker is using that ceiling. Creates therefore go one at a time at a
 * small fixed rate, at most MAX_OPENS_PER_SWEEP per sweep (about 25 s); the rest wait for the next
 * sweep, 5 minutes on, instead of being reported unreachable.
 */
import { openTargets, recordRefusal, type ConversationOpener } from '../core/people/reach';
import { Pacer } from '../core/outbox/pacing';
import type { ReachPeople } from '../core/reminders/run';
import type { JobDeps } from './job';
import { realTimer, type PaceTimer } from './outbox-worker';

export const OPEN_RATE_PER_SECOND = 2;
export const MAX_OPENS_PER_SWEEP = 50;

export function reachPeople(
  deps: Pick<JobDeps, 'core' | 'log'>,
  opener: ConversationOpener,
  timer: PaceTimer = realTimer,
): ReachPeople {
  return async (personIds) => {
    const targets = await openTargets(deps.core, personIds);
    const now = targets.slice(0, MAX_OPENS_PER_SWEEP);
    const pacer = new Pacer(OPEN_RATE_PER_SECOND);
    const outcomes = { opened: 0, forbidden: 0, failed: 0 };
    for (const target of now) {
      for (let wait = pacer.delay('', timer.now()); wait > 0; wait = pacer.delay('', timer.now()))
        await timer.sleep(wait);
      pacer.started(timer.now());
      const outcome = await opener.open(target);
      outcomes[outcome]++;
      if (outcome === 'forbidden') await recordRefusal(deps.core, target.personId);
    }
    if (now.length)
      deps.log.info(
        { ...outcomes, waiting: targets.length - now.length },
        'opened 1:1 chats with owners new to Chaser',
      );
    return { opened: outcomes.opened, later: targets.slice(MAX_OPENS_PER_SWEEP).map((t) => t.personId) };
  };
}
