/**
 * The reminder sweep in a process of its own, on the production build (dist/, `npm run build`) with
 * `start:prod`'s memory settings, as the bot runs it: Chaser started on the database (its own schedule
 * off, so the sweep runs when called), then the job's decision and every card it renders, each
 * serialised for its outbox row and let go, three times, nothing written. Its peak RSS is what the bot
 * needs at this size while its reminders run. Started by bench/run.ts with a JSON argument
 * ({ url, now }); prints one JSON line.
 */
const path = require('node:path');

const dist = path.join(__dirname, '..', 'dist');
const { startChaser } = require(path.join(dist, 'bot/main.js'));
const { decideReminders } = require(path.join(dist, 'core/reminders/decide.js'));
const { dailyCardActivity } = require(path.join(dist, 'jobs/reminders.js'));

async function main({ url, now }) {
  const at = new Date(now);
  const chaser = await startChaser({
    env: { PORT: '0', DATABASE_URL: url, LOG_LEVEL: 'silent', CHASER_JOBS: '0' },
    now: () => at,
  });
  try {
    const ms = [];
    let cards = 0;
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      const decision = await decideReminders(chaser.core, { reminderTime: '09:00' });
      let bytes = 0;
      for (const card of decision.cards) bytes += JSON.stringify(dailyCardActivity(card)).length;
      cards = bytes && decision.cards.length;
      ms.push(Math.round(performance.now() - t));
    }
    return { ms: ms.sort((a, b) => a - b), cards };
  } finally {
    await chaser.close();
  }
}

main(JSON.parse(process.argv[2])).then(
  (result) => {
    // maxRSS is in kilobytes.
    process.stdout.write(
      `\n${JSON.stringify({ ...result, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`,
    );
    process.exit(0);
  },
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
