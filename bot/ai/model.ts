/**
 * The language model behind the optional AI layer, from the settings. Constructing it opens no
 * connection; only a question the parser could not read ever calls it.
 */
import { OpenAIModel, type PromptCompletionModel } from '@microsoft/teams-ai';
import type { AiSettings } from '../../core/config';

/**
 * Teams gives a message turn about 15 s before it resends it, and the answer still has to be fetched
 * and sent: one attempt, 8 s at most, then the "I didn't get that" card.
 */
const clientOptions = { timeout: 8_000, maxRetries: 0 };
/** The first GA Azure OpenAI API version with tool calls (teams-ai defaults to 2023-05-15, without). */
const AZURE_API_VERSION = '2024-10-21';

export function createModel(settings: AiSettings): PromptCompletionModel {
  if (settings.provider === 'azure') {
    return new OpenAIModel({
      azureApiKey: settings.apiKey,
      azureEndpoint: settings.endpoint,
      azureDefaultDeployment: settings.deployment,
      azureApiVersion: AZURE_API_VERSION,
      useSystemMessages: true,
      clientOptions,
    });
  }
  return new OpenAIModel({
    apiKey: settings.apiKey,
    defaultModel: settings.model,
    useSystemMessages: true,
    clientOptions,
  });
}
