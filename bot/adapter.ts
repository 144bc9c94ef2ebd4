/**
 * The Bot Framework adapter. With no app id/password it runs in local mode (Agents Playground, the test
 * connector stand-in): no inbound token required, no outbound token sent. With them set, every inbound
 * request must carry a valid Bot Framework JWT or gets 401.
 */
import { TeamsAdapter } from '@microsoft/teams-ai';
import { ConfigurationServiceClientCredentialFactory } from 'botbuilder';
import type { AuthenticationConfiguration } from 'botframework-connector';
import type { Config } from '../core/config';

export interface AdapterOverrides {
  /** Tests inject signing-key and issuer settings here instead of fetching them from the network. */
  authConfiguration?: AuthenticationConfiguration;
  credentialsFactory?: ConstructorParameters<typeof TeamsAdapter>[1];
}

export function createAdapter(config: Config, overrides: AdapterOverrides = {}): TeamsAdapter {
  const auth = {
    MicrosoftAppId: config.MICROSOFT_APP_ID,
    MicrosoftAppPassword: config.MICROSOFT_APP_PASSWORD,
    MicrosoftAppType: config.MICROSOFT_APP_TYPE,
    MicrosoftAppTenantId: config.MICROSOFT_APP_TENANT_ID,
  };
  return new TeamsAdapter(
    auth,
    overrides.credentialsFactory ?? new ConfigurationServiceClientCredentialFactory(auth),
    overrides.authConfiguration,
  );
}
