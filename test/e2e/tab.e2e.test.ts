/**
 * The board tab end to end: the built app (npm run build:tab) served by Chaser on the demo data, in
 * headless Debian Chromium, signed in with the local developer sign-in.
 * - Board tab: the ICB's plan with the counts of the bot's summary, filters, an action's history.
 * - Personal tab: Megan saves an update (asking for a new date) that the bot's "status of" then shows.
 * - Meeting side panel: Alex approves the new date; the action's history marks it with the meeting and
 *   the summary reaches the board's channel.
 * Every view passes axe-core (no serious or critical violations) in light, dark and high contrast, and
 * is saved as a screenshot under test-results/tab/ for a reviewer.
 *
 * Skipped, with a message, only when /usr/bin/chromium is missing (apt-get install -y chromium).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { listActions } from '../../core/query/list';
import { summarise } from '../../core/query/summary';
import { findItem } from '../../core/query/item';
import { computeDigest, digestRecord } from '../../core/digest/compute';
import { DEMO_PLAN_KEY } from '../../prisma/seed/load-demo';
import { ALEX, MEGAN, message, personalConversationId } from '../helpers/activities';
import { startTestBot, type TestBot } from '../helpers/bot';

const CHROMIUM = '/usr/bin/chromium';
const ROOT = join(__dirname, '..', '..');
const SHOTS = join(ROOT, 'test-results', 'tab');
const AXE = require.resolve('axe-core/axe.min.js');
const THEMES = ['default', 'dark', 'contrast'] as const;
/** The demo loads on the first day; the board's weekly digests follow; the tests run a month later. */
const LOADED = '2015-12-01T09:00:00Z';
const DIGESTS = ['2015-12-07', '2015-12-14', '2015-12-21', '2015-12-28'];
const NOW = '2016-01-04T09:00:00Z';
const CHANNEL = '19:general@thread.tacv2';
const run = existsSync(CHROMIUM) ? describe : describe.skip;
if (!existsSync(CHROMIUM)) console.warn(`board tab e2e skipped: ${CHROMIUM} is missing (apt-get install -y chromium)`);

let bot: TestBot;
let browser: Browser;

run('the board tab in Chromium', () => {
  beforeAll(async () => {
    execFileSync('npm', ['run', 'build:tab'], { cwd: ROOT, stdio: 'ignore' });
    mkdirSync(SHOTS, { recursive: true });
    bot = await startTestBot({ now: LOADED, env: { CHASER_DEMO: '1' } });
    await storeDigests();
    bot.clock.set(NOW);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await bot?.stop();
  });

  it("shows the ICB's plan with the bot's counts; filters work; an action's panel shows its history", async () => {
    const { page, context } = await signedIn('Megan Bowen');
    await page.goto(`${bot.chaser.url}/tab/board?board=ICB`);
    const summary = await summarise(bot.chaser.core, { kind: 'summary', plan: DEMO_PLAN_KEY });
    const card = page.getByTestId(`plan-${DEMO_PLAN_KEY}`);
    for (const rag of ['RED', 'AMBER', 'GREEN', 'COMPLETE'] as const) {
      await expectAttr(card.getByTestId(`count-${rag}`), 'data-count', String(summary.byRag[rag]));
    }
    const red = await listActions(
      bot.chaser.core,
      { kind: 'list', filter: { rag: ['RED'], board: 'ICB' }, tagOwners: false },
      { pageSize: 20 },
    );
    await page.getByText(`Red: ${red.total} actions`).waitFor();
    const last = await computeDigest(
      bot.chaser.core,
      (await bot.chaser.core.db.prisma.board.findUniqueOrThrow({ where: { key: 'ICB' } })).id,
      new Date(`${DIGESTS[3]}T08:00:00Z`),
    );
    const chart = await page.getByRole('img', { name: /RAG counts at each digest/ }).getAttribute('aria-label');
    expect(chart).toContain(
      `28 Dec 2015: Complete ${last.counts.COMPLETE}, Green ${last.counts.GREEN}, ` +
        `Amber ${last.counts.AMBER}, Red ${last.counts.RED}`,
    );

    await page.getByLabel('Owner post').selectOption('Head of Contact Management');
    const owned = await listActions(
      bot.chaser.core,
      {
        kind: 'list',
        filter: { rag: ['RED'], board: 'ICB', owner: { post: 'Head of Contact Management' } },
        tagOwners: false,
      },
      { pageSize: 20 },
    );
    expect(owned.total).toBeLessThan(red.total);
    await page.getByText(`Red: ${owned.total} action${owned.total === 1 ? '' : 's'}`).waitFor();
    await page.getByRole('tab', { name: 'Overdue' }).click();
    await page.getByText(/^Overdue: \d+ action/).waitFor();
    await page.getByLabel('Owner post').selectOption('');
    await page.getByRole('tab', { name: 'Red' }).click();
    await page.getByText(`Red: ${red.total} actions`).waitFor();
    const redShown = () => page.getByText(`Red: ${red.total} actions`).waitFor();
    await checkThemes(page, 'board', redShown);

    const first = red.actions[0];
    await page.getByRole('button', { name: first.displayRef, exact: true }).click();
    const history = (
      await findItem(bot.chaser.core, { kind: 'item', plan: first.planKey, ref: first.ref, history: true })
    ).history!;
    const panel = async () => {
      await redShown();
      await page.getByRole('button', { name: first.displayRef, exact: true }).click();
      await page.getByTestId('history').getByText(history.entries[0].text!.slice(0, 40), { exact: false }).waitFor();
    };
    await page.getByTestId('history').getByText(history.entries[0].text!.slice(0, 40), { exact: false }).waitFor();
    await checkThemes(page, 'action-panel', panel, false);
    await context.close();
  });

  it("opens on an action's panel when a card's link names it (?action= in a browser, subPageId in Teams)", async () => {
    const { page, context } = await signedIn('Megan Bowen');
    const item = await findItem(bot.chaser.core, { kind: 'item', plan: DEMO_PLAN_KEY, ref: '7', history: true });
    const action = item.action!;
    await page.goto(`${bot.chaser.url}/tab/board?board=ICB&action=${action.id}`);
    const panel = page.getByRole('dialog');
    await panel.getByText(action.displayRef, { exact: false }).first().waitFor();
    await panel
      .getByTestId('history')
      .getByText(item.history!.entries[0].text!.slice(0, 40), { exact: false })
      .waitFor();
    await context.close();
  });

  it("saves an owner's update in the personal tab, which the bot's status of then shows", async () => {
    const { page, context } = await signedIn('Megan Bowen');
    await page.goto(`${bot.chaser.url}/tab/me`);
    const card = page.locator('[data-testid^="mine-"]').first();
    await checkThemes(page, 'my-actions', () => card.waitFor());
    const ref = (await card.getAttribute('data-testid'))!.slice('mine-'.length);
    const refused = async () => {
      await card.getByRole('button', { name: 'Update' }).click();
      await card.getByRole('radio', { name: 'At risk (Amber)' }).check();
      await card.getByRole('button', { name: 'Save update' }).click();
      await card.getByText(/^Add a note: it is needed for At risk \(Amber\)/).waitFor();
    };
    await checkThemes(page, 'update-form-errors', refused);
    await card.getByLabel(/^Progress note/).fill('Supplier contract signed; rollout in March');
    await card.getByLabel('Ask for a new due date').fill('2016-03-31');
    await card.getByLabel('Why the date needs to move').fill('Procurement took longer');
    await card.getByRole('button', { name: 'Save update' }).click();
    await card.getByText(/^Updated by Megan Bowen at 09:00/).waitFor();
    await page.screenshot({ path: join(SHOTS, 'update-saved.png'), fullPage: true });

    bot.connector.clear();
    await bot.post(message(`status of ${ref}`, { serviceUrl: bot.connector.url, user: MEGAN }));
    const reply = JSON.stringify(bot.connector.sends(personalConversationId(MEGAN)).map((s) => s.activity));
    expect(reply).toContain('Supplier contract signed; rollout in March');
    await context.close();
  });

  it('records "new date approved" in the meeting side panel; history and the channel summary show it', async () => {
    // The board's channel, linked as in Teams, for the summary.
    await bot.post(
      message('link this channel to board ICB Integrity and Compliance Board', {
        serviceUrl: bot.connector.url,
        scope: 'channel',
        user: ALEX,
      }),
    );
    const request = await bot.chaser.core.db.prisma.extensionRequest.findFirstOrThrow({
      where: { status: 'pending' },
      include: { action: { include: { plan: true } } },
    });
    const ref = `${request.action.plan.key}-${request.action.ref}`;

    const { page, context } = await signedIn('Alex Wilber');
    await page.goto(`${bot.chaser.url}/tab/meeting?board=ICB`);
    const item = page.getByTestId('meeting-item');
    await page.setViewportSize({ width: 320, height: 900 });
    await checkThemes(page, 'meeting-panel', () => item.waitFor());
    for (
      let i = 0;
      !(await item.getByRole('heading', { name: ref }).count()) ||
      !(await item.getByText('New date requested').count());
      i++
    ) {
      if (i > 60) throw new Error(`no "New date requested" item for ${ref}`);
      await page.getByRole('button', { name: 'Next' }).click();
    }
    await item.getByRole('button', { name: 'Approve new date' }).click();
    await item.getByText('New date 31 Mar 2016 approved by Alex Wilber.').waitFor();
    await page.screenshot({ path: join(SHOTS, 'meeting-decided.png'), fullPage: true });

    const history = (
      await findItem(bot.chaser.core, {
        kind: 'item',
        plan: request.action.plan.key,
        ref: request.action.ref,
        history: true,
      })
    ).history!;
    expect(history.entries[0]).toEqual(expect.objectContaining({ kind: 'due', author: 'Alex Wilber' }));
    const row = await bot.chaser.core.db.prisma.update.findFirstOrThrow({
      where: { actionId: request.actionId, kind: 'due' },
    });
    expect(JSON.parse(row.detail!).meeting).toEqual({
      title: 'Integrity and Compliance Board meeting',
      date: '2016-01-04',
    });

    bot.connector.clear();
    await page.getByRole('button', { name: "Post the decisions to the board's channel" }).click();
    await page.getByText(/The summary of 1 decision is on its way/).waitFor();
    await bot.chaser.jobs.worker.drain();
    const summary = JSON.stringify(bot.connector.sends(CHANNEL).map((s) => s.activity));
    expect(summary).toContain('Integrity and Compliance Board meeting');
    expect(summary).toContain(ref.replace(/-/g, '\\\\-'));

    // The action whose date just moved is now a slipped item: the committee asks its owners for an update.
    await page.reload();
    await item.waitFor();
    for (let i = 0; !(await item.getByRole('button', { name: 'Ask for an update' }).count()); i++) {
      if (i > 60) throw new Error('no item to ask for an update on');
      await page.getByRole('button', { name: 'Next' }).click();
    }
    const asked = (await item.getByRole('heading', { level: 2 }).textContent())!;
    await item.getByLabel('Ask the owners for an update by').fill('2016-01-15');
    await item.getByLabel('What the committee wants to know (optional)').fill('What is blocking it?');
    await item.getByRole('button', { name: 'Ask for an update' }).click();
    await item.getByText(/^Update asked for by 15 Jan 2016: /).waitFor();
    await page.screenshot({ path: join(SHOTS, 'meeting-asked.png'), fullPage: true });
    const action = await bot.chaser.core.db.prisma.action.findFirstOrThrow({
      where: { updateDueBy: { not: null } },
      include: { plan: true },
    });
    expect([`${action.plan.key}-${action.ref}`, action.updateDueBy!.toISOString().slice(0, 10)]).toEqual([
      asked,
      '2016-01-15',
    ]);
    await context.close();
  });
});

async function signedIn(name: string): Promise<{ page: Page; context: BrowserContext }> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: 'en-GB',
    timezoneId: 'Europe/London',
  });
  const page = await context.newPage();
  await page.goto(`${bot.chaser.url}/tab/me`);
  await page.getByText('Developer sign-in').waitFor();
  const option = (await page.getByLabel('Sign in as').locator('option').allTextContents()).find((o) =>
    o.startsWith(name),
  )!;
  await page.getByLabel('Sign in as').selectOption({ label: option });
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'My actions' }).waitFor();
  return { page, context };
}

/**
 * The page in each theme (as Teams would open it: ?theme= stands in for the host's theme), with `reopen`
 * putting it back in the state under test: a screenshot, and no serious or critical axe-core violations.
 */
async function checkThemes(
  page: Page,
  name: string,
  reopen: () => Promise<void> = async () => undefined,
  fullPage = true,
) {
  const url = new URL(page.url());
  for (const theme of THEMES) {
    url.searchParams.set('theme', theme);
    await page.goto(url.toString());
    await reopen();
    // A panel sliding or fading in has colours mid-way: judged and shown once it has come to rest.
    await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
    await page.screenshot({ path: join(SHOTS, `${name}-${theme}.png`), fullPage });
    await page.addScriptTag({ path: AXE });
    const violations = await page.evaluate(async () => {
      type Axe = {
        run: (
          ctx: Document,
        ) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }>;
      };
      // Tabster's focus sentinels (Fluent UI's focus management) are aria-hidden and pass focus straight on.
      const r = await (window as unknown as { axe: Axe }).axe.run({
        exclude: [['[data-tabster-dummy]']],
      } as unknown as Document);
      return r.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    });
    expect({ page: name, theme, violations }).toEqual({ page: name, theme, violations: [] });
  }
}

async function expectAttr(locator: ReturnType<Page['locator']>, name: string, value: string) {
  await locator.waitFor();
  expect(await locator.getAttribute(name)).toBe(value);
}

/** A few weekly digests as the digest job stores them, so the trend chart has something to draw. */
async function storeDigests() {
  const core = bot.chaser.core;
  const board = await core.db.prisma.board.findUniqueOrThrow({ where: { key: 'ICB' } });
  for (const day of DIGESTS) {
    const scheduledFor = new Date(`${day}T08:00:00Z`);
    const d = await computeDigest(core, board.id, scheduledFor);
    await core.db.prisma.digest.create({
      data: { boardId: board.id, periodKey: `${day}T08:00`, scheduledFor, counts: JSON.stringify(digestRecord(d)) },
    });
  }
}
