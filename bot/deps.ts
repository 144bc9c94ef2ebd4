/** What every handler gets: the core context, configuration and a logger. */
import type { CoreContext } from '../core/context';
import type { Config } from '../core/config';
import type { Logger } from './logger';

export interface BotDeps {
  core: CoreContext;
  config: Config;
  log: Logger;
}
