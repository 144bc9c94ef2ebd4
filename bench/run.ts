/**
 * `npm run bench [-- --sizes 1000,10000 --quick --seed 42]`: generates data at each size (fixed seed), on
 * SQLite and, when BENCH_DATABASE_URL is set, PostgreSQL, and measures each figure next to its floor, each
 * size in its own child process (bench/size.ts) so its peak RSS is its own. Writes bench/results.json and
 * bench/RESULTS.md and prints how each figure grows with size. See bench/README.md.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { OTHER_QUESTIONS } from './questions';
import type { StepInput } from './size';
import { growthExponent, growthOf } from './stats';
import { scripts } from '../package.json';

const NOW = '2026-11-24T10:00:00Z'; // a Tuesday, after REMINDER_TIME in London
/**
 * Budgets (p95, milliseconds; peak resident MB), held at every size: what a user notices is the few
 * hundred milliseconds Teams itself takes, so an answer within these is indistinguishable from instant,
 * and a sweep within a second leaves the job's schedule untouched. The floor ratios are information.
 */
export const BUDGETS = {
  redInProcessMs: 20,
  redOverHttpMs: 40,
  reminderDecisionMs: 1_000,
  cardPageMs: 5,
  boardViewInProcessMs: 20,
  boardViewOverHttpMs: 40,
  peakRssMb: 450,
  idleRssMb: 220,
} as const;

interface Args {
  sizes: number[];
  quick: boolean;
  seed: number;
}

function parseArgs(argv: string[]): Args {
  const value = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const sizes = (value('--sizes') ?? '1000,10000,50000,100000').split(',').map(Number);
  if (sizes.some((n) => !Number.isInteger(n) || n < 500))
    throw new Error('--sizes takes whole numbers of actions, each at least 500 (the digest board has 500)');
  return { sizes, quick: argv.includes('--quick'), seed: Number(value('--seed') ?? 42) };
}

/** Runs one step in a child process; resolves with the JSON line it prints. */
function step(input: StepInput): Promise<Record<string, any>> {
  return run(['--expose-gc', '--import', 'tsx', path.join(__dirname, 'size.ts'), JSON.stringify(input)], input.step);
}

/** A script of bench/ on the production build, with start:prod's node options and environment (package.json). */
function asProduction(script: string, input: Record<string, string>): Promise<Record<string, any>> {
  const start = /MALLOC_ARENA_MAX=(\d+) node (.*) dist\/bot\/index\.js/.exec(scripts['start:prod']);
  if (!start) throw new Error('package.json start:prod is not "MALLOC_ARENA_MAX=n node <options> dist/bot/index.js"');
  const args = [...start[2].split(' '), path.join(__dirname, script), JSON.stringify(input)];
  return run(args, script, { MALLOC_ARENA_MAX: start[1] });
}

/** The reminder sweep as the bot runs it (bench/sweep.js). */
const sweep = (url: string) => asProduction('sweep.js', { url, now: NOW });

/** The production build idle with the demo loaded (bench/idle.js), on a SQLite file of its own. */
async function idle(): Promise<Record<string, any>> {
  const dir = mkdtempSync(path.join(tmpdir(), 'chaser-idle-'));
  try {
    return await asProduction('idle.js', { url: `file:${path.join(dir, 'demo.db')}` });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function run(args: string[], name: string, env: Record<string, string> = {}): Promise<Record<string, any>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, ...env },
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => {
      const last = out.trim().split('\n').pop() ?? '';
      if (code !== 0) return reject(new Error(`bench step ${name} exited with ${code}`));
      resolve(JSON.parse(last));
    });
  });
}

/** A fresh database per provider and size; `drop` removes it. */
async function database(
  provider: 'sqlite' | 'postgresql',
  size: number,
): Promise<{ url: string; drop: () => Promise<void> }> {
  if (provider === 'sqlite') {
    const dir = mkdtempSync(path.join(tmpdir(), 'chaser-bench-'));
    return {
      url: `file:${path.join(dir, 'bench.db')}`,
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const admin = process.env.BENCH_DATABASE_URL!;
  const name = `chaser_bench_${size}_${process.pid}`;
  const run = async (sql: string) => {
    const c = new Client({ connectionString: admin });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  await run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await run(`CREATE DATABASE ${name}`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

const load = () => loadavg().map((x) => Math.round(x * 100) / 100);

async function main() {
  const args = parseArgs(process.argv.slice(2));
  // The sweep runs the production build of this checkout.
  execFileSync('npm', ['run', 'build'], { cwd: path.join(__dirname, '..'), stdio: ['ignore', 'ignore', 'inherit'] });
  const providers: ('sqlite' | 'postgresql')[] = [
    'sqlite',
    ...(process.env.BENCH_DATABASE_URL ? (['postgresql'] as const) : []),
  ];
  const base = { quick: args.quick, seed: args.seed, now: NOW };
  const results: Record<string, any> = {
    startedAt: new Date().toISOString(),
    machine: { cpus: cpus().length, cpu: cpus()[0]?.model, node: process.version, loadAtStart: load() },
    args,
    providers: {},
  };

  for (const provider of providers) {
    const sizes: Record<string, any> = {};
    for (const size of args.sizes) {
      const db = await database(provider, size);
      try {
        const loadBefore = load();
        const generated = await step({ ...base, step: 'generate', url: db.url, size });
        console.log(`${provider} ${size}: generated ${JSON.stringify(generated.counts)} in ${generated.generateMs} ms`);
        const measured = await step({ ...base, step: 'measure', url: db.url, size });
        const swept = await sweep(db.url);
        sizes[size] = { ...measured, sweep: swept, counts: generated.counts, load: [loadBefore, load()] };
        const r = measured;
        console.log(
          `  what's red? ${r.red.endToEnd.median} ms end to end (in process ${r.red.inProcess.median}, SQL ${r.red.sql.median}; ×${r.red.ratio}) · reminders ${r.reminders.decide.median} ms (SQL ${r.reminders.sql.median}; ×${r.reminders.ratio}) · card page ${r.cardPage.inProcess.median} ms (SQL ${r.cardPage.sql.median}; ×${r.cardPage.ratio}) · digest ${r.digest.compute.median} ms · board tab overview ${r.boardTab.overview.median} ms (in process ${r.boardTab.overviewInProcess.median}) · RSS ${swept.maxRssMb} MB sweeping, ${r.maxRssMb} MB measuring · load ${load()[0]}`,
        );
      } finally {
        await db.drop();
      }
    }
    results.providers[provider] = { sizes, scaling: scaling(sizes) };
  }

  const importRun = await step({ ...base, step: 'import', url: '', size: 10_000 });
  results.import = { ...importRun, targetMs: 3000 };
  console.log(
    `import 10,000 rows: ${importRun.ms.median} ms median (parse ${importRun.parseMs.median}, apply ${importRun.applyMs.median}) · RSS ${importRun.maxRssMb} MB — target < 3000 ms`,
  );
  const pdfImport = await step({ ...base, step: 'pdf-import', url: '', size: 50 });
  results.pdfImport = { ...pdfImport, targetMs: 10_000 };
  console.log(
    `import of a 50-page PDF: ${pdfImport.ms.median} ms median (parse ${pdfImport.parseMs.median}, apply ${pdfImport.applyMs.median}; ${pdfImport.actions} actions) · RSS ${pdfImport.maxRssMb} MB — target < 10000 ms`,
  );
  const sendRate = await step({ ...base, step: 'send-rate', url: '', size: 30 });
  results.sendRate = { ...sendRate, target: 0.95 };
  console.log(
    `send rate: ${sendRate.ratePerSecond}/s of ${sendRate.ceiling}/s = ${Math.round(sendRate.fraction * 1000) / 10} % (violations ${sendRate.violations}) — target ≥ 95 %`,
  );
  const parser = await step({ ...base, step: 'parser', url: '', size: args.quick ? 20_000 : 100_000 });
  results.parser = parser;
  console.log(
    `parser: ${parser.runs} strings, mean ${parser.meanMs} ms, p99 ${parser.p99Ms} ms, slowest ${parser.slowestMs} ms — target < ${parser.targetMs} ms`,
  );
  const idleRun = await idle();
  results.idle = { ...idleRun, budgetMb: BUDGETS.idleRssMb };
  console.log(
    `production build idle with the demo loaded: ${idleRun.rssMb} MB resident — budget ≤ ${BUDGETS.idleRssMb} MB`,
  );
  results.machine.loadAtEnd = load();
  results.findings = findings(results);

  console.log('\nHow each figure grows with the number of actions (time ≈ c·n^k):');
  for (const provider of providers)
    for (const [figure, g] of Object.entries(results.providers[provider].scaling as Record<string, any>))
      console.log(`  ${provider} ${figure}: k = ${g.k} (${g.growth})`);
  console.log(
    results.findings.length
      ? `\nOver target:\n${results.findings.map((f: string) => `  - ${f}`).join('\n')}`
      : '\nEverything within target.',
  );
  writeFileSync(path.join(__dirname, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(path.join(__dirname, 'RESULTS.md'), markdown(results) + chaosSection());
  console.log('\nwrote bench/results.json and bench/RESULTS.md');
}

const FIGURES: Record<string, (r: any) => number> = {
  "what's red? end to end": (r) => r.red.endToEnd.median,
  '"help" over HTTP': (r) => r.red.helpTurn.median,
  "what's red? in process": (r) => r.red.inProcess.median,
  "what's red? SQL floor": (r) => r.red.sql.median,
  'reminder decision': (r) => r.reminders.decide.median,
  'reminder SQL floor': (r) => r.reminders.sql.median,
  'reminder card page': (r) => r.cardPage.inProcess.median,
  'card page SQL floor': (r) => r.cardPage.sql.median,
  ...Object.fromEntries(OTHER_QUESTIONS.map((q) => [`"${q}" in process`, (r: any) => r.questions[q].median])),
  'digest (500 actions)': (r) => r.digest.compute.median,
  'board tab overview (500 actions)': (r) => r.boardTab.overview.median,
  'board tab Red page (500 actions)': (r) => r.boardTab.red.median,
  'board tab overview in process': (r) => r.boardTab.overviewInProcess.median,
  'board tab Red page in process': (r) => r.boardTab.redInProcess.median,
  'peak RSS, reminder sweep': (r) => r.sweep.maxRssMb,
  'peak RSS, measuring process': (r) => r.maxRssMb,
};

function scaling(sizes: Record<string, any>) {
  return Object.fromEntries(
    Object.entries(FIGURES).map(([name, get]) => {
      const k = growthExponent(Object.entries(sizes).map(([size, r]) => ({ size: Number(size), value: get(r) })));
      return [name, { k, growth: growthOf(k) }];
    }),
  );
}

function findings(results: Record<string, any>): string[] {
  const out: string[] = [];
  for (const [provider, p] of Object.entries(results.providers as Record<string, any>)) {
    for (const [size, r] of Object.entries(p.sizes as Record<string, any>)) {
      const over = (what: string, value: number, budget: number, unit = 'ms') =>
        value > budget && out.push(`${provider} ${size}: ${what} ${value} ${unit} (budget ${budget} ${unit})`);
      over('"what\'s red?" in process, p95', r.red.inProcess.p95, BUDGETS.redInProcessMs);
      over('"what\'s red?" over HTTP, p95', r.red.endToEnd.p95, BUDGETS.redOverHttpMs);
      over('reminder decision, p95', r.reminders.decide.p95, BUDGETS.reminderDecisionMs);
      over("a reminder card's later page, p95", r.cardPage.inProcess.p95, BUDGETS.cardPageMs);
      over('board tab overview over HTTP, p95', r.boardTab.overview.p95, BUDGETS.boardViewOverHttpMs);
      over('board tab Red page over HTTP, p95', r.boardTab.red.p95, BUDGETS.boardViewOverHttpMs);
      over('board tab overview in process, p95', r.boardTab.overviewInProcess.p95, BUDGETS.boardViewInProcessMs);
      over('board tab Red page in process, p95', r.boardTab.redInProcess.p95, BUDGETS.boardViewInProcessMs);
      over('peak resident memory of the reminder sweep', r.sweep.maxRssMb, BUDGETS.peakRssMb, 'MB');
    }
    for (const [figure, g] of Object.entries(p.scaling as Record<string, any>))
      if (g.growth === 'worse than linear') out.push(`${provider}: ${figure} grows worse than linear (k = ${g.k})`);
  }
  if (results.import.ms.median > results.import.targetMs)
    out.push(`import of 10,000 rows takes ${results.import.ms.median} ms (target < 3000)`);
  if (results.pdfImport.ms.median > results.pdfImport.targetMs)
    out.push(`import of a 50-page PDF takes ${results.pdfImport.ms.median} ms (target < 10000)`);
  if (results.idle.rssMb > results.idle.budgetMb)
    out.push(`the production build idles at ${results.idle.rssMb} MB resident (budget ${results.idle.budgetMb} MB)`);
  if (results.sendRate.fraction < results.sendRate.target)
    out.push(`send rate is ${Math.round(results.sendRate.fraction * 100)} % of the ceiling (target ≥ 95 %)`);
  if (results.parser.slowestMs > results.parser.targetMs)
    out.push(`slowest parse ${results.parser.slowestMs} ms (target < ${results.parser.targetMs})`);
  return out;
}

/** The chaos script's figures (bench/chaos.ts), kept when the benchmark rewrites RESULTS.md. */
function chaosSection(): string {
  const file = path.join(__dirname, 'RESULTS.md');
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const start = text.indexOf('## Chaos');
  return start >= 0 ? `\n${text.slice(start)}` : '';
}

function markdown(results: Record<string, any>): string {
  const ms = (t: { median: number; p95: number }) => `${t.median} / ${t.p95}`;
  const lines = [
    '# Benchmark results',
    '',
    `Measured ${results.startedAt.slice(0, 16).replace('T', ' ')} UTC by \`npm run bench${results.args.quick ? ' -- --quick' : ''}\` on ${results.machine.cpus} × ${results.machine.cpu}, Node ${results.machine.node}; load average (1/5/15 min) ${results.machine.loadAtStart.join(' / ')} at the start and ${results.machine.loadAtEnd.join(' / ')} at the end (the machine is shared: load inflates absolute times). Times are milliseconds, median / p95; ratios are medians over the floor's median, for information. Budgets (p95): "what's red?" ${BUDGETS.redInProcessMs} ms in process and ${BUDGETS.redOverHttpMs} ms over HTTP, reminder decision ${BUDGETS.reminderDecisionMs} ms, a reminder card page ${BUDGETS.cardPageMs} ms, the board tab's overview and first Red page ${BUDGETS.boardViewInProcessMs} ms in process and ${BUDGETS.boardViewOverHttpMs} ms over HTTP, peak RSS of the reminder sweep's process ${BUDGETS.peakRssMb} MB; and no figure growing worse than linear. How to reproduce: bench/README.md.`,
    '',
  ];
  for (const [provider, p] of Object.entries(results.providers as Record<string, any>)) {
    lines.push(`## ${provider === 'sqlite' ? 'SQLite' : 'PostgreSQL'}`, '');
    lines.push(
      '| actions | "what\'s red?" end to end | "help" over HTTP | in process | SQL floor | ratio (end to end / floor) | red actions | reminder decision | SQL floor | ratio | owed items / cards | digest, 500 actions | peak RSS MB: sweep / measuring | load (1 min) |',
    );
    lines.push('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const [size, r] of Object.entries(p.sizes as Record<string, any>)) {
      lines.push(
        `| ${Number(size).toLocaleString('en-GB')} | ${ms(r.red.endToEnd)} | ${ms(r.red.helpTurn)} | ${ms(r.red.inProcess)} | ${ms(r.red.sql)} | ×${r.red.ratio} | ${r.red.total} | ${ms(r.reminders.decide)} | ${ms(r.reminders.sql)} | ×${r.reminders.ratio} | ${r.reminders.items} / ${r.reminders.cards} | ${ms(r.digest.compute)} | ${r.sweep.maxRssMb} / ${r.maxRssMb} | ${r.load[0][0]}–${r.load[1][0]} |`,
      );
    }
    lines.push(
      '',
      "Years of reminder history (bench/history.ts), and a reminder card's later page rebuilt from it, in process, milliseconds median / p95:",
      '',
    );
    lines.push(
      '| actions | ReminderLog rows | sent cards | card page | SQL floor | ratio | rows on the page |',
      '|---:|---:|---:|---:|---:|---:|---:|',
    );
    for (const [size, r] of Object.entries(p.sizes as Record<string, any>)) {
      lines.push(
        `| ${Number(size).toLocaleString('en-GB')} | ${r.counts.reminderLogs.toLocaleString('en-GB')} | ${r.counts.sentCards.toLocaleString('en-GB')} | ${ms(r.cardPage.inProcess)} | ${ms(r.cardPage.sql)} | ×${r.cardPage.ratio} | ${r.cardPage.rows} |`,
      );
    }
    lines.push(
      '',
      "The board tab's view on board ICB (500 actions): its API over HTTP (bot/tab, developer sign-in) and the same functions in process, milliseconds median / p95:",
      '',
    );
    lines.push(
      '| actions | overview over HTTP | first page of Red over HTTP | overview in process | first page of Red in process |',
      '|---:|---:|---:|---:|---:|',
    );
    for (const [size, r] of Object.entries(p.sizes as Record<string, any>)) {
      const t = r.boardTab;
      lines.push(
        `| ${Number(size).toLocaleString('en-GB')} | ${ms(t.overview)} | ${ms(t.red)} | ${ms(t.overviewInProcess)} | ${ms(t.redInProcess)} |`,
      );
    }
    lines.push(
      '',
      "Managers' other questions over every plan, in process (parse → query → card), milliseconds median / p95:",
      '',
    );
    lines.push(
      `| actions | ${OTHER_QUESTIONS.map((q) => `"${q}"`).join(' | ')} |`,
      `|---:|${OTHER_QUESTIONS.map(() => '---:|').join('')}`,
    );
    for (const [size, r] of Object.entries(p.sizes as Record<string, any>))
      lines.push(
        `| ${Number(size).toLocaleString('en-GB')} | ${OTHER_QUESTIONS.map((q) => ms(r.questions[q])).join(' | ')} |`,
      );
    lines.push('', 'Growth from the smallest to the largest size (time ≈ c·n^k, least squares on logs):', '');
    for (const [figure, g] of Object.entries(p.scaling as Record<string, any>))
      lines.push(`- ${figure}: k = ${g.k} — ${g.growth}`);
    lines.push('');
  }
  const imp = results.import;
  const pdf = results.pdfImport;
  const sr = results.sendRate;
  const parser = results.parser;
  lines.push('## Once per run', '');
  lines.push('| figure | result | target |', '|---|---:|---:|');
  lines.push(
    `| import of a 10,000-row xlsx (parse + apply, SQLite) | ${ms(imp.ms)} ms (parse ${imp.parseMs.median}, apply ${imp.applyMs.median}; ${imp.ms.runs} runs; peak RSS ${imp.maxRssMb} MB) | < 3000 ms |`,
  );
  lines.push(
    `| import of a ${pdf.pages}-page PDF, a ruled table (parse + apply, SQLite) | ${ms(pdf.ms)} ms (parse ${pdf.parseMs.median}, apply ${pdf.applyMs.median}; ${pdf.actions} actions; ${pdf.ms.runs} runs; peak RSS ${pdf.maxRssMb} MB) | < 10000 ms |`,
  );
  lines.push(
    `| production build (start:prod) idle with the demo loaded, ${results.idle.idleMs / 1000} s after start | ${results.idle.rssMb} MB resident | ≤ ${results.idle.budgetMb} MB |`,
  );
  lines.push(
    `| outbox send rate vs the ceiling | ${sr.ratePerSecond}/s of ${sr.ceiling}/s = ${Math.round(sr.fraction * 1000) / 10} % (${sr.messages} messages, ${sr.violations} limit violations) | ≥ 95 % |`,
  );
  lines.push(
    `| question parser, ${parser.runs.toLocaleString('en-GB')} random strings | mean ${parser.meanMs} ms, p99 ${parser.p99Ms} ms, slowest ${parser.slowestMs} ms | < ${parser.targetMs} ms each |`,
  );
  lines.push(
    '',
    results.findings.length
      ? `## Over target\n\n${results.findings.map((f: string) => `- ${f}`).join('\n')}`
      : '## Over target\n\nNothing.',
    '',
  );
  return lines.join('\n');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
