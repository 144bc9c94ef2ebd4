/** What `npm start` tells a person at a terminal once Chaser listens: where it is and what to do next. */
import type { Config } from '../core/config';

export function startBanner(config: Pick<Config, 'MICROSOFT_APP_ID' | 'CHASER_DEMO' | 'HOST'>, url: string): string[] {
  const endpoint = `${url}/api/messages`;
  const lines = [`Chaser is running: ${endpoint}`];
  if (config.MICROSOFT_APP_ID) {
    lines.push(
      "Next: point your Azure Bot's messaging endpoint at this address over https (README, Deploying to Teams).",
    );
  } else {
    lines.push(`Next: in another terminal, npx agentsplayground -e ${endpoint} -c msteams`);
    lines.push(
      'then open http://localhost:56150 and type "help"' +
        (config.CHASER_DEMO ? " (you are Alex Wilber, the demo plan's owner)." : '.'),
    );
    lines.push(`WARNING: local mode, nothing is authenticated (development only); listening on ${config.HOST}.`);
  }
  return lines;
}
