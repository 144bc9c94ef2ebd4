/**
 * End to end with a real Teams client: Chaser (demo plan, SQLite, fixed clock) and the Microsoft 365
 * Agents Playground, driven by headless Debian Chromium. Asking "what's red?" in the personal chat
 * must show the red actions that core/actions/red.ts computes for the same database and clock.
 *
 * Skipped, with a message, only when /usr/bin/chromium is missing (apt-get install -y chromium).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startChaser, type RunningChaser } from '../../bot/main';
import { listRedActions } from '../../core/actions/red';
import { LIST_PAGE_SIZE } from '../../cards/action-list';
import { DEMO_PLAN_KEY } from '../../prisma/seed/load-demo';
import { testClock } from '../helpers/clock';

const CHROMIUM = '/usr/bin/chromium';
const PLAYGROUND = join(__dirname, '..', '..', 'node_modules', '.bin', 'agentsplayground');
const SCREENSHOT = '/tmp/e2e-whats-red.png';
/** After the demo plan's last recorded update, so the card reads as the plan's state at that time. */
const NOW = '2015-12-01T09:00:00Z';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * Starts the Playground in `cwd` (it writes ./devTools there) and resolves with the port it listens
 * on: it falls back to a random port when the one asked for was taken in the meantime.
 */
function startPlayground(botUrl: string, port: number, cwd: string): Promise<{ child: ChildProcess; port: number }> {
  const args = ['-e', `${botUrl}/api/messages`, '-c', 'msteams', '-p', String(port), '--disable-telemetry'];
  // Own process group, so stopping it also stops anything it spawned.
  const child = spawn(PLAYGROUND, args, { cwd, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none' } });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const listening = /Listening on (\d+)/.exec(output);
      if (listening) resolve({ child, port: Number(listening[1]) });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`agentsplayground exited with ${code}: ${output}`)));
  });
}

/** The action refs listed on the card, in order: the rows' first lines ("BTP-CDI-7", "BTP-CDI-National 6"). */
function refsOnCard(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.startsWith(`${DEMO_PLAN_KEY}-`) && line.length <= 40);
}

const suite = existsSync(CHROMIUM) ? describe : describe.skip;
if (!existsSync(CHROMIUM)) console.warn(`Skipping the Agents Playground end-to-end test: ${CHROMIUM} is missing (apt-get install -y chromium).`);

suite('Agents Playground: "what\'s red?" in the personal chat', () => {
  let dir: string;
  let chaser: RunningChaser | undefined;
  let playground: ChildProcess | undefined;
  let browser: Browser | undefined;
  let page: Page;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'chaser-e2e-'));
    const [botPort, playgroundPort] = [await freePort(), await freePort()];
    // The Playground waits for the bot's endpoint itself, so bot, Playground and browser start side by side.
    const [, pg, chrome] = await Promise.all([
      startChaser({
        env: { PORT: String(botPort), DATABASE_URL: `file:${join(dir, 'chaser.db')}`, CHASER_DEMO: '1', CHASER_JOBS: '0', LOG_LEVEL: 'silent' },
        now: testClock(NOW).now,
      }).then((started) => (chaser = started)),
      startPlayground(`http://127.0.0.1:${botPort}`, playgroundPort, dir).then((started) => ((playground = started.child), started)),
      chromium
        .launch({
          executablePath: CHROMIUM,
          args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
        })
        .then((started) => (browser = started)),
    ]);
    page = await chrome.newPage({ viewport: { width: 1280, height: 1800 } });
    // Everything the page needs is served locally; its web fonts would go to a CDN, so nothing leaves the machine.
    await page.route(/^(?!https?:\/\/(127\.0\.0\.1|localhost)[:/])/, (route) => route.abort());
    await page.goto(`http://127.0.0.1:${pg.port}/`, { waitUntil: 'domcontentloaded' });
  }, 90000);

  afterAll(async () => {
    await browser?.close();
    if (playground?.pid) process.kill(-playground.pid, 'SIGTERM');
    await chaser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers with a card listing exactly the red actions of the demo plan', async () => {
    const red = await listRedActions(chaser!.core);
    expect(red.length).toBeGreaterThan(0); // the demo plan at NOW has red actions, or this test proves nothing

    const compose = page.locator('[data-lexical-editor=true][role=textbox]').first();
    await compose.click({ timeout: 45000 });
    await compose.pressSequentially("what's red?");
    await page.keyboard.press('Enter');

    const card = page.locator('.ac-adaptiveCard', { hasText: 'Red —' }).last();
    await card.waitFor({ timeout: 30000 });
    await card.scrollIntoViewIfNeeded();
    await page.screenshot({ path: SCREENSHOT });
    const text = await card.innerText();

    expect(text).toContain(`Red — ${red.length} action${red.length === 1 ? '' : 's'}`);
    expect(refsOnCard(text)).toEqual(red.slice(0, LIST_PAGE_SIZE).map((a) => a.displayRef));
    if (red.length > LIST_PAGE_SIZE) expect(text).toContain(`Showing 1–${LIST_PAGE_SIZE} of ${red.length}`);
  });
});
