/** What every handler gets: the core context, configuration and a logger (and a model when the AI layer is on). */
import type { PromptCompletionModel } from '@microsoft/teams-ai';
import type { CoreContext } from '../core/context';
import type { Config } from '../core/config';
import type { Logger } from './logger';

export interface BotDeps {
  core: CoreContext;
  config: Config;
  log: Logger;
  /** Present only with OpenAI/Azure OpenAI settings (or a scripted model in tests). */
  aiModel?: PromptCompletionModel;
}
