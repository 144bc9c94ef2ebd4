/**
 * End to end with a real Teams client: Chaser (demo plan, SQLite, a test clock) and the Microsoft 365
 * Agents Playground, driven by headless Debian Chromium; one bot, Playground and browser for all tests.
 * - "what's red?" in the personal chat shows the actions whose effective RAG (core/rag.ts) is Red.
 * - The owner loop: the reminder job's card reaches Alex's chat through the outbox worker; Update opens
 *   the form in place; saving replaces it with the result and records an Update.
 * - Boards: linking the General channel and "digest now" (each an @mention in a new post) put the
 *   board's digest in the channel.
 *
 * Skipped, with a message, only when /usr/bin/chromium is missing (apt-get install -y chromium).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startChaser, type RunningChaser } from '../../bot/main';
import { loadView } from '../../core/actions/change';
import { actionViews } from '../../core/actions/view-loader';
import { everyAction } from '../../core/store/action-filter';
import { computeDigest } from '../../core/digest/compute';
import { decideReminders } from '../../core/reminders/decide';
import { LIST_PAGE_SIZE } from '../../cards/action-list';
import { RAG_LABEL } from '../../cards/card';
import { byUrgency } from '../../cards/reminder';
import { remindersJob } from '../../jobs/reminders';
import { DEMO_PLAN_KEY } from '../../prisma/seed/load-demo';
import { testClock } from '../helpers/clock';

const CHROMIUM = '/usr/bin/chromium';
/** Screenshots of each answer card at a narrow width, for a reviewer to look at (gitignored). */
const SHOTS = join(__dirname, '..', '..', 'test-results', 'cards');
/** A card's width in Teams on a phone. */
const NARROW_PX = 360;
const PLAYGROUND = join(__dirname, '..', '..', 'node_modules', '.bin', 'agentsplayground');
/** After the demo plan's last recorded update, so cards read as the plan's state at that time. */
const NOW = '2015-12-01T09:00:00Z';
/** Later that morning, past the 09:00 reminder time (the browser reports Europe/London, GMT in December). */
const REMINDER_RUN = '2015-12-01T09:30:00Z';
const clock = testClock(NOW);

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
  const child = spawn(PLAYGROUND, args, {
    cwd,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none' },
  });
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

async function until<T>(
  what: string,
  probe: () => Promise<T | null | undefined | false>,
  timeoutMs = 15000,
): Promise<T> {
  for (const end = Date.now() + timeoutMs; Date.now() < end; await new Promise((r) => setTimeout(r, 100))) {
    const value = await probe();
    if (value) return value;
  }
  throw new Error(`timed out waiting for ${what}`);
}

const suite = existsSync(CHROMIUM) ? describe : describe.skip;
if (!existsSync(CHROMIUM))
  console.warn(`Skipping the Agents Playground end-to-end test: ${CHROMIUM} is missing (apt-get install -y chromium).`);

suite('Agents Playground: questions, the owner loop and board digests in a real Teams client', () => {
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
        env: {
          PORT: String(botPort),
          DATABASE_URL: `file:${join(dir, 'chaser.db')}`,
          CHASER_DEMO: '1',
          CHASER_JOBS: '0',
          LOG_LEVEL: 'silent',
        },
        now: clock.now,
      }).then((started) => (chaser = started)),
      startPlayground(`http://127.0.0.1:${botPort}`, playgroundPort, dir).then(
        (started) => ((playground = started.child), started),
      ),
      chromium
        .launch({
          executablePath: CHROMIUM,
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--no-first-run',
            '--disable-sync',
          ],
        })
        .then((started) => (browser = started)),
    ]);
    // The time zone the Playground reports to the bot (clientInfo), so reminder times do not follow the host's.
    page = await chrome.newPage({ viewport: { width: 1280, height: 1800 }, timezoneId: 'Europe/London' });
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

  const cards = (hasText: string) => page.locator('.ac-adaptiveCard', { hasText });
  const compose = () => page.locator('[data-lexical-editor=true][role=textbox]').first();
  const openChat = (name: 'Personal Chat' | 'General') =>
    page.getByText(name, { exact: true }).first().click({ timeout: 45000 });

  /** Sends in the personal chat, as Alex. */
  async function say(text: string) {
    await openChat('Personal Chat');
    await compose().click();
    await compose().pressSequentially(text);
    await page.keyboard.press('Enter');
  }

  /** A new post in the open channel that @mentions the bot (picked from the mention list, as people do). */
  async function postToBot(text: string) {
    await compose().click();
    await compose().pressSequentially('@');
    await page.getByRole('menuitem', { name: 'Test Bot' }).click();
    await compose().pressSequentially(` ${text}`);
    await page.getByRole('button', { name: 'Post' }).click();
  }

  it('answers "what\'s red?" with a card listing exactly the red actions of the demo plan', async () => {
    // Every action rated by the RAG rules themselves, not by the SQL the bot answers with.
    const red = (await actionViews(chaser!.core, { where: everyAction, order: 'plan' })).filter(
      (a) => a.effectiveRag === 'RED',
    );
    expect(red.length).toBeGreaterThan(0); // the demo plan at NOW has red actions, or this test proves nothing

    await say("what's red?");

    const card = cards('Red —').last();
    await card.waitFor({ timeout: 30000 });
    await card.scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/e2e-whats-red.png' });
    const text = await card.innerText();

    expect(text).toContain(`Red — ${red.length} action${red.length === 1 ? '' : 's'}`);
    expect(refsOnCard(text)).toEqual(red.slice(0, LIST_PAGE_SIZE).map((a) => a.displayRef));
    if (red.length > LIST_PAGE_SIZE) expect(text).toContain(`Showing 1–${LIST_PAGE_SIZE} of ${red.length}`);
  });

  it("delivers Alex's reminder card; Update opens the form in place, Cancel and Save come back to the card with every action still there", async () => {
    const core = chaser!.core;
    const note = 'Monitoring plan agreed with the Call Centre Manager';
    // Alex talks to the bot first: that stores the personal chat the reminder goes to.
    const helps = await cards('What you can ask').count();
    await say('help');
    const help = cards('What you can ask').nth(helps);
    await help.waitFor({ timeout: 30000 });
    await help.screenshot({ path: '/tmp/e2e-help.png' });

    clock.set(REMINDER_RUN);
    const decided = (await decideReminders(core, { reminderTime: chaser!.config.REMINDER_TIME })).cards.find(
      (c) => c.purpose === 'reminder' && c.recipient.displayName === 'Alex Wilber',
    );
    expect(decided).toBeDefined(); // Alex is owed a card at REMINDER_RUN, or this test proves nothing
    const count = decided!.items.length;
    expect(count).toBeGreaterThanOrEqual(3); // a multi-action reminder, or the way back proves nothing
    await remindersJob.run({ core, config: chaser!.config, instanceId: 'e2e', log: chaser!.log });
    expect((await chaser!.jobs.worker.drain()).sent).toBeGreaterThanOrEqual(1);

    const reminder = cards('Good morning Alex Wilber');
    await reminder.waitFor({ timeout: 30000 });
    expect(await reminder.innerText()).toContain(
      `${count} ${count === 1 ? 'action needs' : 'actions need'} your attention`,
    );
    const urgent = byUrgency(decided!.items.map((i) => ({ action: i.action, onBehalfOf: null }))).map((r) => r.action);
    const [first, second] = urgent;
    expect(refsOnCard(await reminder.innerText())).toEqual(urgent.slice(0, 20).map((a) => a.displayRef));
    const buttons = Math.min(count, 20);
    expect(await reminder.getByRole('button', { name: 'Update' }).count()).toBe(buttons);
    const before = await page.locator('.ac-adaptiveCard').count();

    // Cancel on the second action's form: back to the reminder, nothing saved.
    await reminder.getByRole('button', { name: 'Update' }).nth(1).click();
    const form = cards('Save update');
    await form.waitFor({ timeout: 30000 });
    expect(await form.innerText()).toContain(`${second.displayRef}: `);
    expect(await reminder.count()).toBe(0); // replaced in place, not posted below
    expect(await page.locator('.ac-adaptiveCard').count()).toBe(before);
    await form.getByRole('button', { name: 'Cancel' }).click();
    await reminder.waitFor({ timeout: 30000 });
    expect(await reminder.getByRole('button', { name: 'Update' }).count()).toBe(buttons);
    expect(await core.db.prisma.update.count({ where: { actionId: second.id, authorName: 'Alex Wilber' } })).toBe(0);

    // Save on the first: back to the reminder with a banner saying what was saved, every action still there.
    await reminder.getByRole('button', { name: 'Update' }).first().click();
    await form.waitFor({ timeout: 30000 });
    expect(await form.innerText()).toContain(`${first.displayRef}: `);
    await form.getByRole('combobox', { name: 'Status' }).click();
    await page.getByRole('option', { name: 'At risk' }).click();
    await form.getByRole('textbox', { name: /Progress note/ }).fill(note);
    await form.getByRole('button', { name: 'Save update' }).click();

    const updated = cards(`${first.displayRef} updated by Alex Wilber`);
    await updated.waitFor({ timeout: 30000 });
    await updated.scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/e2e-reminder.png' });
    expect(await form.count()).toBe(0);
    expect(await updated.getByRole('button', { name: 'Update' }).count()).toBe(buttons);
    expect(refsOnCard(await updated.innerText())).toEqual(urgent.slice(0, 20).map((a) => a.displayRef));

    const saved = await core.db.prisma.update.findFirstOrThrow({ where: { text: note } });
    expect(saved).toMatchObject({
      actionId: first.id,
      authorName: 'Alex Wilber',
      rag: 'AMBER',
      at: new Date(REMINDER_RUN),
    });
    const view = (await loadView(core, first.id))!;
    expect(view.reportedRag).toBe('AMBER');
    const text = await updated.innerText();
    // The banner shows the effective RAG, with the date and the reader's time zone.
    expect(text).toMatch(
      new RegExp(`updated by Alex Wilber at 09:30 on 1 Dec 2015 \\([\\w/]+\\) — now ${RAG_LABEL[view.effectiveRag]}`),
    );
  });

  it('fits every answer card into a narrow Teams window, with nothing clipped or wider than the card', async () => {
    // Cards as wide as Teams on a phone: the Playground's own layout does not narrow below its chat list,
    // so the cards are held to that width instead.
    await openChat('Personal Chat');
    const narrow = await page.addStyleTag({ content: `.ac-adaptiveCard { max-width: ${NARROW_PX}px !important; }` });
    const questions: [string, string][] = [
      ['help', 'What you can ask'],
      ["what's red?", 'Red —'],
      ['summary', 'Summary'],
      ['status of BTP-CDI-7', 'BTP-CDI-7'],
      ['history of BTP-CDI-7', 'History —'],
      ['who is behind?', 'Who is behind'],
      ['plans', 'Plans'],
      ['my actions', 'Your open actions'],
    ];
    mkdirSync(SHOTS, { recursive: true });
    const overflowing: string[] = [];
    for (const [question, heading] of questions) {
      const before = await cards(heading).count();
      await compose().click();
      await compose().pressSequentially(question);
      await page.keyboard.press('Enter');
      const card = cards(heading).nth(before);
      await card.waitFor({ timeout: 30000 });
      await card.scrollIntoViewIfNeeded();
      await card.screenshot({ path: join(SHOTS, `${question.replace(/\W+/g, '-').replace(/-$/, '')}.png`) });
      const wide = await card.evaluate((root) => {
        const edge = root.getBoundingClientRect().right + 1;
        return Array.from(root.querySelectorAll<HTMLElement>('*'))
          .filter((el) => el.getBoundingClientRect().right > edge || el.scrollWidth > el.clientWidth + 1)
          .filter((el) => el.innerText?.trim())
          .map((el) => el.innerText.trim().slice(0, 60));
      });
      overflowing.push(...wide.map((w) => `${question}: ${w}`));
    }
    await narrow.evaluate((style) => (style as Element).remove());
    expect(overflowing).toEqual([]);
  });

  it('links the General channel to board ICB and posts its digest there on "digest now"', async () => {
    const prisma = chaser!.core.db.prisma;
    await openChat('General');
    await postToBot('link this channel to board ICB');
    // The reply as a chat paragraph (the Playground's log panel echoes it too).
    await page
      .getByRole('paragraph')
      .filter({ hasText: 'Linked this channel to board ICB' })
      .waitFor({ timeout: 30000 });

    // A new post, as people would ask: each channel post is its own thread, the board is the channel's.
    await postToBot('digest now');
    await until('the digest in the outbox', () => prisma.outboxMessage.count({ where: { purpose: 'digest' } }));
    expect(await chaser!.jobs.worker.drain()).toMatchObject({ sent: 1 });

    const digest = cards('Integrity and Compliance Board (ICB): digest');
    await digest.waitFor({ timeout: 30000 });
    await digest.scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/e2e-digest.png' });

    const board = await prisma.board.findUniqueOrThrow({ where: { key: 'ICB' }, include: { conversation: true } });
    expect(board.conversation!.conversationId).not.toContain(';messageid=');
    const { counts } = await computeDigest(chaser!.core, board.id, chaser!.core.now());
    const text = await digest.innerText();
    for (const rag of ['RED', 'AMBER', 'GREEN', 'COMPLETE'] as const)
      expect(text).toMatch(new RegExp(`${RAG_LABEL[rag]}\\s+${counts[rag]}\\b`));
  });
});
