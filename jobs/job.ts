/**
 * A scheduled job: a name, a node-cron schedule (with the reason for its rhythm beside it) and a run
 * function. Each run must be safe to repeat and to race with another instance: jobs decide from the
 * database what is due and not yet done, and record what they did in the same transaction.
 */
import type { Config } from '../core/config';
import type { CoreContext } from '../core/context';
import type { ConversationOpener } from '../core/people/reach';

export interface JobDeps {
  core: CoreContext;
  config: Config;
  /** This process's identity for leases and claims. */
  instanceId: string;
  /** Opens 1:1 chats with people who never talked to the bot (bot/open-conversation.ts); absent in the CLI and unit tests. */
  opener?: ConversationOpener;
  log: {
    info(obj: object, msg?: string): void;
    warn(obj: object, msg?: string): void;
    error(obj: object, msg?: string): void;
  };
}

export interface JobDefinition {
  name: string;
  schedule: string;
  run(deps: JobDeps): Promise<void>;
}
