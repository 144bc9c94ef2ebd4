/**
 * The Bot Framework adapter. With no app id/password it runs in local mode (Agents Playground, the test
 * connector stand-in): no inbound token required, no outbound token sent. With them set, every inbound
 * request must carry a valid Bot Framework JWT or gets 401, and nothing of the request runs.
 */
import { TeamsAdapter } from '@microsoft/teams-ai';
import { ConfigurationServiceClientCredentialFactory, type Activity, type InvokeResponse, type TurnContext } from 'botbuilder';
import { AuthenticationConstants, AuthenticationError, type AuthenticateRequestResult, type AuthenticationConfiguration, type ClaimsIdentity } from 'botframework-connector';
import { CallerIdConstants } from 'botframework-schema';
// Not re-exported by the package: the timestamps' string-to-Date step CloudAdapter.process takes.
import { validateAndFixActivity } from 'botbuilder/lib/activityValidator';
import type { Config } from '../core/config';
import { withPlainJsonMessages } from './connector-replies';

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

/**
 * Every way a token can fail verification becomes a 401: jsonwebtoken's own errors (bad signature,
 * malformed token) would otherwise reach CloudAdapter as plain errors and be answered with 500.
 *
 * CloudAdapter also builds a ConnectorClient and a UserTokenClient, each an HTTP pipeline of a dozen
 * policies, for every activity. Neither holds anything of the turn (credentials keep their tokens in a
 * static cache), so one of each per bot, service URL and audience serves every turn: ~0.15 ms a turn.
 * The connector sends a turn's messages as plain JSON (bot/connector-replies.ts).
 */
export class ChaserAdapter extends TeamsAdapter {
  private readonly clients = new Map<string, Promise<unknown>>();

  constructor(...args: ConstructorParameters<typeof TeamsAdapter>) {
    super(...args);
    const auth = this.botFrameworkAuthentication;
    const createUserTokenClient = auth.createUserTokenClient.bind(auth);
    auth.createUserTokenClient = (identity) => this.reuse(`user-token|${appIdOf(identity)}`, () => createUserTokenClient(identity));
  }

  /** The client made once for `key`; one that failed to be made is made again next time. */
  private reuse<T>(key: string, make: () => Promise<T>): Promise<T> {
    let client = this.clients.get(key) as Promise<T> | undefined;
    if (!client) {
      // Service URLs are a few per region: the bound only guards against a flood of made-up ones.
      if (this.clients.size >= 100) this.clients.clear();
      this.clients.set(key, (client = make()));
      client.catch(() => this.clients.delete(key));
    }
    return client;
  }

  /**
   * CloudAdapter.process for a POST whose body bot/server.ts has already parsed and checked: the SDK's
   * own checks build zod schemas on every request and copy the activity twice (~0.2 ms a turn) to
   * establish what the endpoint already has. Returns the invoke response to write, if any; a request
   * without a valid token throws AuthenticationError.
   */
  handle(activity: Activity, authorization: string, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity(authorization, validateAndFixActivity(activity), logic);
  }

  protected async processActivity(
    auth: string | AuthenticateRequestResult,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    const authenticated =
      typeof auth === 'string'
        ? await this.botFrameworkAuthentication.authenticateRequest(activity, auth).catch((err: Error) => {
            throw err instanceof AuthenticationError ? err : new AuthenticationError(`Unauthorized: ${err.name}`, 401);
          })
        : auth;
    const factory = authenticated.connectorFactory;
    const appId = appIdOf(authenticated.claimsIdentity);
    const connectorFactory = factory && {
      create: (serviceUrl: string, audience?: string) => this.reuse(`connector|${appId}|${serviceUrl}|${audience}`, () => factory.create(serviceUrl, audience).then((client) => withPlainJsonMessages(client, serviceUrl))),
    };
    return super.processActivity({ ...authenticated, connectorFactory }, activity, logic);
  }
}

/** The bot's app id in an inbound identity, as the SDK reads it (empty in local mode). */
function appIdOf(identity: ClaimsIdentity): string {
  return identity.getClaimValue(AuthenticationConstants.AudienceClaim) ?? identity.getClaimValue(AuthenticationConstants.AppIdClaim) ?? '';
}

export function createAdapter(config: Config, overrides: AdapterOverrides = {}): ChaserAdapter {
  const auth = {
    MicrosoftAppId: config.MICROSOFT_APP_ID,
    MicrosoftAppPassword: config.MICROSOFT_APP_PASSWORD,
    MicrosoftAppType: config.MICROSOFT_APP_TYPE,
    MicrosoftAppTenantId: config.MICROSOFT_APP_TENANT_ID,
    ...(overrides.openIdMetadataUrl ? publicCloudWithKeysFrom(overrides.openIdMetadataUrl) : {}),
  };
  return new ChaserAdapter(
    auth,
    overrides.credentialsFactory ?? new ConfigurationServiceClientCredentialFactory(auth),
    overrides.authConfiguration,
  );
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
