/**
 * The production build at rest, as `npm run start:prod` runs it (dist/, start:prod's memory settings,
 * started by bench/run.ts with them): Chaser started on a new SQLite file with the demo plan loaded and
 * its jobs scheduled, then left alone for IDLE_MS; its resident memory then is what a quiet bot holds.
 * Started with a JSON argument ({ url }); prints one JSON line.
 */
const path = require('node:path');

const dist = path.join(__dirname, '..', 'dist');
const { startChaser } = require(path.join(dist, 'bot/main.js'));

/** Long enough for start-up's garbage to be collected and the first job ticks to pass. */
const IDLE_MS = 15_000;

async function main({ url }) {
  const chaser = await startChaser({
    env: { PORT: '0', DATABASE_URL: url, CHASER_DEMO: '1', LOG_LEVEL: 'silent' },
  });
  try {
    await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
    return { idleMs: IDLE_MS, rssMb: Math.round(process.memoryUsage().rss / 2 ** 20) };
  } finally {
    await chaser.close();
  }
}

main(JSON.parse(process.argv[2])).then(
  (result) => {
    process.stdout.write(`\n${JSON.stringify(result)}\n`);
    process.exit(0);
  },
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
