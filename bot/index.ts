/** `npm start`: runs Chaser until SIGINT/SIGTERM. A bad environment variable stops it with one line. */
import { ConfigError } from '../core/config';
import { startChaser } from './main';

startChaser()
  .then((chaser) => {
    const stop = () => {
      chaser.log.info('shutting down');
      chaser.close().then(() => process.exit(0), () => process.exit(1));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  })
  .catch((err: Error) => {
    console.error(err instanceof ConfigError ? err.message : `Chaser failed to start: ${err.stack ?? err.message}`);
    process.exit(1);
  });
