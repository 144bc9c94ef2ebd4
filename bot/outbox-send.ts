/**
 * How the outbox worker talks to Teams: the adapter's continueConversationAsync with the stored
 * conversation reference, through an adapter of its own whose HTTP client fails fast. The SDK's
 * default pipeline retries 429 and 5xx three times inside one call; for the outbox that would hide
 * throttling from the app-wide pause, spend Teams' limits on blind retries and hold a conversation's
 * slot for minutes. Here every non-2xx answer and every timeout surfaces at once as a SendFailure,
 * and the worker decides (core/outbox/retry.ts). Replies inside a turn keep the SDK's own adapter.
 */
import { TeamsAdapter } from '@microsoft/teams-ai';
import { ConfigurationServiceClientCredentialFactory, type ConversationReference } from 'botbuilder';
import type { Config } from '../core/config';
import { parseRetryAfter, SendFailure } from '../core/outbox/retry';
import type { SendActivity } from '../jobs/outbox-worker';
import type { AdapterOverrides } from './adapter';

/** Teams retries a bot after ~15 s; a send that has not answered in this long is treated as lost. */
export const SEND_TIMEOUT_MS = 15_000;

/** The parts of the SDK's legacy HTTP request the client reads (core-http-compat WebResourceLike). */
interface LegacyRequest {
  url: string;
  method: string;
  body?: unknown;
  headers: { rawHeaders(): Record<string, string> };
}

function failFastHttpClient(timeoutMs: number) {
  return {
    async sendRequest(request: LegacyRequest) {
      let res: Response;
      try {
        res = await fetch(request.url, {
          method: request.method,
          headers: request.headers.rawHeaders(),
          body: request.body as string | undefined,
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (err) {
        const e = err as Error & { cause?: { code?: string } };
        throw new SendFailure(
          e.name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : e.message,
          undefined,
          undefined,
          e.name === 'TimeoutError' ? 'Timeout' : e.cause?.code,
        );
      }
      const bodyAsText = await res.text();
      if (!res.ok) {
        throw new SendFailure(
          `Teams answered ${res.status}: ${bodyAsText.slice(0, 200)}`,
          res.status,
          parseRetryAfter(res.headers.get('retry-after'), Date.now()),
          errorCode(bodyAsText),
        );
      }
      const headers: Record<string, string> = {};
      res.headers.forEach((value, name) => {
        headers[name] = value;
      });
      return { request, status: res.status, bodyAsText, headers: { toJson: () => headers } };
    },
  };
}

function errorCode(body: string): string | undefined {
  try {
    const code = JSON.parse(body)?.error?.code;
    return typeof code === 'string' ? code : undefined;
  } catch {
    return undefined;
  }
}

/** An adapter for proactive calls (sends, and creating chats in bot/open-conversation.ts) whose HTTP client fails fast. */
export function createFailFastAdapter(
  config: Config,
  overrides: Pick<AdapterOverrides, 'credentialsFactory'> = {},
  timeoutMs = SEND_TIMEOUT_MS,
): TeamsAdapter {
  const auth = {
    MicrosoftAppId: config.MICROSOFT_APP_ID,
    MicrosoftAppPassword: config.MICROSOFT_APP_PASSWORD,
    MicrosoftAppType: config.MICROSOFT_APP_TYPE,
    MicrosoftAppTenantId: config.MICROSOFT_APP_TENANT_ID,
  };
  return new TeamsAdapter(
    auth,
    overrides.credentialsFactory ?? new ConfigurationServiceClientCredentialFactory(auth),
    undefined,
    {
      httpClient: failFastHttpClient(timeoutMs),
    } as ConstructorParameters<typeof TeamsAdapter>[3],
  );
}

export function createOutboxSender(
  config: Config,
  overrides: Pick<AdapterOverrides, 'credentialsFactory'> = {},
  timeoutMs = SEND_TIMEOUT_MS,
): SendActivity {
  const adapter = createFailFastAdapter(config, overrides, timeoutMs);
  return async (reference, activity) => {
    let id: string | undefined;
    await adapter.continueConversationAsync(
      config.MICROSOFT_APP_ID,
      reference as Partial<ConversationReference>,
      async (context) => {
        id = (await context.sendActivity(activity))?.id;
      },
    );
    return { id };
  };
}
