/**
 * One benchmark step in its own process, so each data size's peak RSS is its own:
 * `generate` fills a migrated database; `measure` starts Chaser on it and times "what's red?", the
 * reminder decision, a reminder card's later page and the weekly digest next to their floors, and the
 * board tab's view; `import`, `pdf-import`, `send-rate` and `parser` run bench/import.ts,
 * bench/pdf-plan.ts (size = pages), bench/send-rate.ts (size = the ceiling) and bench/parser.ts
 * (size = strings).
 * Started by bench/run.ts with a JSON argument; prints one JSON line with the results and maxRSS.
 */
import { startChaser } from '../bot/main';
import { boardOverview } from '../core/board/overview';
import { boardTable } from '../core/board/tables';
import { answerCard } from '../cards/answers';
import { migrate } from '../core/db/migrate';
import { computeDigest } from '../core/digest/compute';
import { parseQuestion } from '../core/query';
import { loadLexicon } from '../core/query/lexicon-source';
import { runQuery } from '../core/query/run';
import { decideReminders } from '../core/reminders/decide';
import { reminderCardRows } from '../core/reminders/page';
import { addDays, dateOnly, localDate } from '../core/time';
import { message } from '../test/helpers/activities';
import { startConnector } from '../test/helpers/connector';
import { openDriver } from './driver';
import { createPoster } from './post';
import { cardPageFloor, redFloor, reminderFloor } from './floor';
import { DIGEST_BOARD_KEY, generateData } from './generate';
import { benchImport, type TimedImport } from './import';
import { benchParser } from './parser';
import { benchPdfImport } from './pdf-plan';
import { OTHER_QUESTIONS, RED_QUESTION } from './questions';
import { benchSendRate } from './send-rate';
import { interleave, repeat, summarise, type Timing } from './stats';

export interface StepInput {
  step: 'generate' | 'measure' | 'import' | 'pdf-import' | 'send-rate' | 'parser';
  url: string;
  size: number;
  quick: boolean;
  seed: number;
  now: string;
}

async function main(input: StepInput): Promise<Record<string, unknown>> {
  switch (input.step) {
    case 'generate': {
      await migrate(input.url);
      const t = performance.now();
      const counts = await generateData(input.url, {
        actions: input.size,
        seed: input.seed,
        today: input.now.slice(0, 10),
      });
      return { counts, generateMs: Math.round(performance.now() - t) };
    }
    case 'import':
      return {
        rows: input.size,
        ...(await importRuns(input, () => benchImport({ rows: input.size, seed: input.seed }))),
      };
    case 'pdf-import':
      return { pages: input.size, ...(await importRuns(input, () => benchPdfImport(input.size, input.seed))) };
    case 'send-rate':
      return { ...(await benchSendRate({ ceiling: input.size })) };
    case 'parser':
      return { ...benchParser(input.size) };
    case 'measure':
      return measure(input);
  }
}

/** An import timed once (--quick) or three times: medians and p95s of the whole and of its two halves. */
async function importRuns(input: StepInput, run: () => Promise<TimedImport>) {
  const runs = [];
  for (let i = 0; i < (input.quick ? 1 : 3); i++) runs.push(await run());
  return {
    ms: summarise(runs.map((r) => r.ms)),
    parseMs: summarise(runs.map((r) => r.parseMs)),
    applyMs: summarise(runs.map((r) => r.applyMs)),
    actions: runs[0].actions,
    updates: runs[0].updates,
  };
}

async function measure(input: StepInput): Promise<Record<string, unknown>> {
  const n = (quick: number, full: number) => (input.quick ? quick : full);
  // Figures with a p95 budget that take milliseconds run at least this often, --quick too: the p95 of ten
  // runs is the slowest of them, one collection or scheduling hiccup on a shared machine.
  const P95_RUNS = 40;
  const budgetMs = n(5_000, 20_000);
  const connector = await startConnector();
  const now = new Date(input.now);
  const chaser = await startChaser({
    env: { PORT: '0', DATABASE_URL: input.url, LOG_LEVEL: 'silent', CHASER_JOBS: '0' },
    now: () => now,
  });
  const driver = await openDriver(input.url);
  const post = createPoster(chaser.url);
  const core = chaser.core;
  try {
    const today = localDate(now, core.timeZone);

    // "what's red?" end to end: POST the activity, the bot answers through the connector stand-in.
    const turn = async (text: string) => {
      connector.clear();
      const res = await post('/api/messages', message(text, { serviceUrl: connector.url }));
      if (res.status !== 200) throw new Error(`bot answered ${res.status}: ${res.text}`);
      await connector.waitFor((r) => r.some((x) => x.kind === 'send'), 60_000);
      return JSON.stringify(connector.sends()[0].activity);
    };
    // The same answer in process, without HTTP or the Bot Framework: parse → query → card.
    const ask = async (question: string) =>
      answerCard(await runQuery(core, parseQuestion(question, await loadLexicon(core), core.now()), { pageSize: 10 }), {
        scope: 'personal',
      });
    let botTotal = -1;
    let floorTotal = -1;
    const red = await interleave(
      {
        endToEnd: async () => {
          const title = /Red — ([\d,]+) action/.exec(await turn(RED_QUESTION));
          botTotal = title ? Number(title[1].replace(/,/g, '')) : -1;
        },
        // The same HTTP turn saying "help": the sender is recorded and the help card offers the questions
        // that have answers today, each run with a page of one, so it grows with the data too.
        helpTurn: () => turn('help'),
        inProcess: () => ask(RED_QUESTION),
        sql: async () => {
          floorTotal = (await redFloor(driver, dateOnly(today))).total;
        },
      },
      { min: P95_RUNS, max: n(P95_RUNS, 200), budgetMs, warmup: 2 },
    );
    if (botTotal !== floorTotal)
      throw new Error(`"what's red?" disagrees with its floor: bot ${botTotal}, SQL ${floorTotal}`);
    const questions: Record<string, Timing> = {};
    for (const question of OTHER_QUESTIONS)
      questions[question] = await repeat(() => ask(question), { min: 3, max: n(5, 15), budgetMs: budgetMs / 2 });

    // The reminder sweep's decision (the job's dry-run path: nothing is written) next to its floor.
    let decided = { cards: 0, items: 0 };
    let floorPairs = 0;
    const reminders = await interleave(
      {
        decide: async () => {
          const d = await decideReminders(core, { reminderTime: '09:00' });
          decided = { cards: d.cards.length, items: d.cards.reduce((s, c) => s + c.items.length, 0) };
        },
        sql: async () => {
          floorPairs = (
            await reminderFloor(driver, {
              now,
              dueBy: dateOnly(addDays(today, 20)),
              quietSince: dateOnly(addDays(today, -30)),
              todayStart: dateOnly(today),
              escalateBefore: dateOnly(addDays(today, -14)),
            })
          ).length;
        },
      },
      { min: 5, max: n(10, 200), budgetMs, warmup: 2 },
    );

    // A reminder card's later page, rebuilt from the card's ReminderLog rows among years of others: the
    // card that carried the most reminders.
    const [sample] = await driver.query(
      `SELECT m."idempotencyKey" AS "key", c."personId", COUNT(*) AS n FROM "ReminderLog" l JOIN "OutboxMessage" m ON m."id" = l."outboxId" JOIN "ConversationRef" c ON c."id" = m."conversationId"
       WHERE m."purpose" = 'reminder' GROUP BY m."idempotencyKey", c."personId" ORDER BY n DESC, m."idempotencyKey" LIMIT 1`,
      [],
    );
    let pageRows = -1;
    let floorPageRows = -1;
    const cardPage = await interleave(
      {
        inProcess: async () => {
          pageRows = (await reminderCardRows(core, String(sample.key), String(sample.personId)))!.rows.length;
        },
        sql: async () => {
          floorPageRows = (await cardPageFloor(driver, String(sample.key))).length;
        },
      },
      { min: P95_RUNS, max: n(100, 400), budgetMs: budgetMs / 2, warmup: 2 },
    );
    if (pageRows !== floorPageRows)
      throw new Error(`the reminder card page disagrees with its floor: Chaser ${pageRows} rows, SQL ${floorPageRows}`);

    const digest = await repeat(() => computeDigest(core, 'board-icb', now), { min: 3, max: n(5, 15), budgetMs });

    // The board tab's view as the channel tab opens on board ICB: the overview (the bot's summary per plan,
    // the stored digests' trend, the filters), then the first page of Red actions; over HTTP through the
    // tab's API with the developer sign-in, and in process through the functions its handlers call.
    const [viewer] = await driver.query(`SELECT "id" FROM "Person" ORDER BY "id" LIMIT 1`, []);
    const tab = async (path: string) => {
      const res = await fetch(`${chaser.url}/api/tab${path}`, { headers: { authorization: `Developer ${viewer.id}` } });
      if (!res.ok) throw new Error(`the board tab answered ${res.status} to ${path}: ${await res.text()}`);
      return res.json();
    };
    const board = await core.db.prisma.board.findUniqueOrThrow({ where: { key: DIGEST_BOARD_KEY } });
    const firstRed = { table: 'red', page: 0, pageSize: 20 } as const;
    const boardTab = await interleave(
      {
        overview: () => tab(`/boards/${DIGEST_BOARD_KEY}`),
        red: () => tab(`/boards/${DIGEST_BOARD_KEY}/actions?table=red&pageSize=20`),
        overviewInProcess: () => boardOverview(core, board, String(viewer.id)),
        redInProcess: () => boardTable(core, board, firstRed),
      },
      { min: P95_RUNS, max: n(P95_RUNS, 100), budgetMs, warmup: 2 },
    );

    const ratio = (a: Timing, b: Timing) => Math.round((a.median / b.median) * 100) / 100;
    return {
      red: {
        ...red,
        ratio: ratio(red.endToEnd, red.sql),
        inProcessRatio: ratio(red.inProcess, red.sql),
        total: botTotal,
      },
      questions,
      reminders: { ...reminders, ratio: ratio(reminders.decide, reminders.sql), ...decided, floorPairs },
      cardPage: { ...cardPage, ratio: ratio(cardPage.inProcess, cardPage.sql), rows: pageRows },
      digest: { compute: digest },
      boardTab,
    };
  } finally {
    post.close();
    await driver.close();
    await chaser.close();
    await connector.close();
  }
}

const input = JSON.parse(process.argv[2]) as StepInput;
main(input).then(
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
