/** `npm start`: runs Chaser until SIGINT/SIGTERM. A bad environment variable stops it with one line. */
import { ConfigError } from '../core/config';
import { startChaser } from './main';
import { startBanner } from './start-banner';

startChaser()
  .then((chaser) => {
    // A person at a terminal gets where Chaser is and the next step; log collectors get only the JSON.
    if (process.stdout.isTTY) for (const line of startBanner(chaser.config, chaser.url)) console.log(line);
    const stop = () => {
      chaser.log.info('shutting down');
      chaser.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  })
  .catch((err: Error) => {
    console.error(err instanceof ConfigError ? err.message : `Chaser failed to start: ${err.stack ?? err.message}`);
    process.exit(1);
  });
