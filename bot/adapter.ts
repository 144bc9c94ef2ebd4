/**
 * The Bot Framework adapter, used as documented. With no app id/password it runs in local mode (Agents
 * Playground, the test connector stand-in): no inbound token required, no outbound token sent. With them
 * set, every inbound request must carry a valid Bot Framework JWT (bot/transport/token-gate.ts checks it
 * first, within a bounded time; the SDK then validates it fully) or gets 401, and nothing of it runs.
 * A turn's replies go through an HTTP client bounded by the turn's deadline (bot/transport/turn-deadline.ts).
 */
import { TeamsAdapter } from '@microsoft/teams-ai';
import { ConfigurationServiceClientCredentialFactory } from 'botbuilder';
import { AuthenticationConstants, type AuthenticationConfiguration } from 'botframework-connector';
import { CallerIdConstants } from 'botframework-schema';
import { isAuthenticated, type Config } from '../core/config';
import { createTokenGate, publicCloudKeySources, type TokenGate } from './transport/token-gate';
import { deadlineHttpClient } from './transport/turn-deadline';

export interface AdapterOverrides {
  /** Extra claim checks and endorsements for inbound tokens (the SDK's AuthenticationConfiguration). */
  authConfiguration?: AuthenticationConfiguration;
  /** Creates outbound credentials; tests inject one that needs no login service. */
  credentialsFactory?: ConstructorParameters<typeof TeamsAdapter>[1];
  /**
   * Where inbound tokens' signing keys are published (OpenID configuration with a `jwks_uri`). Defaults to
   * Microsoft's; tests point it at a local issuer so validation runs offline. Issuer, audience and
   * expiry rules stay the public cloud's.
   */
  openIdMetadataUrl?: string;
}

export function createAdapter(config: Config, overrides: AdapterOverrides = {}): TeamsAdapter {
  const auth = {
    MicrosoftAppId: config.MICROSOFT_APP_ID,
    MicrosoftAppPassword: config.MICROSOFT_APP_PASSWORD,
    MicrosoftAppType: config.MICROSOFT_APP_TYPE,
    MicrosoftAppTenantId: config.MICROSOFT_APP_TENANT_ID,
    ...(overrides.openIdMetadataUrl ? publicCloudWithKeysFrom(overrides.openIdMetadataUrl) : {}),
  };
  const credentials = overrides.credentialsFactory ?? new ConfigurationServiceClientCredentialFactory(auth);
  const httpClient = deadlineHttpClient(config.TURN_DEADLINE_MS);
  const connectorOptions = { httpClient } as ConstructorParameters<typeof TeamsAdapter>[3];
  return new TeamsAdapter(auth, credentials, overrides.authConfiguration, connectorOptions);
}

/** The bounded pre-check of inbound tokens, with Azure settings on; none in local mode. */
export function createInboundTokenGate(
  config: Config,
  overrides: AdapterOverrides,
  onRefreshFailed: (source: string, error: string) => void,
): TokenGate | undefined {
  if (!isAuthenticated(config)) return undefined;
  return createTokenGate({
    appId: config.MICROSOFT_APP_ID,
    sources: publicCloudKeySources(overrides.openIdMetadataUrl),
    fetchTimeoutMs: config.AUTH_KEYS_TIMEOUT_MS,
    onRefreshFailed,
  });
}

/** Setting any endpoint switches the SDK to "all parameters given", so the rest are the public cloud's defaults. */
function publicCloudWithKeysFrom(openIdMetadataUrl: string) {
  return {
    ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
    ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
    ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
    OAuthUrl: AuthenticationConstants.OAuthUrl,
    ToBotFromChannelOpenIdMetadataUrl: openIdMetadataUrl,
    ToBotFromEmulatorOpenIdMetadataUrl: openIdMetadataUrl,
    CallerId: CallerIdConstants.PublicAzureChannel,
  };
}
