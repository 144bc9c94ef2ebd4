/**
 * The board tab loads inside Teams on every open, often over a meeting's shared connection: every file it
 * ships (the app and the Teams library it loads inside Teams) stays under 400 KB gzipped. Builds the tab
 * when `npm ci` has not (postinstall builds it).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzippedBundleBytes, TAB_DIST } from './bundle-size';

const BUDGET_BYTES = 400 * 1024;

beforeAll(() => {
  if (!existsSync(join(TAB_DIST, 'index.html')))
    execFileSync('npm', ['run', 'build:tab'], { cwd: join(__dirname, '..', '..'), stdio: 'ignore' });
}, 120_000);

it('keeps the built tab under 400 KB gzipped', () => {
  const bytes = gzippedBundleBytes();
  expect(bytes).toBeGreaterThan(10 * 1024); // the app is really there
  expect(bytes).toBeLessThan(BUDGET_BYTES);
});
