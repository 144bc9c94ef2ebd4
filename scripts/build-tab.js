#!/usr/bin/env node
/**
 * `npm run build:tab` (also run by `npm ci`, `npm start` and `npm run build`): type-checks the board tab
 * and bundles it with Vite into tab/dist, which Chaser serves under /tab. React, Fluent UI and the Teams
 * library are bundled, so they are development dependencies; an install without them (production, after
 * `npm run build` put the tab in dist/) has nothing to build and says so.
 */
const { execFileSync } = require('node:child_process');
const { existsSync } = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
// Vite's package exports do not include its command, so it is found by path.
const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
if (!existsSync(vite)) {
  console.log('chaser: Vite is not installed (production install), so the board tab is not rebuilt');
  process.exit(0);
}
const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
execFileSync(process.execPath, [tsc, '--noEmit', '-p', path.join(root, 'tab')], { stdio: 'inherit' });
execFileSync(process.execPath, [vite, 'build', '-c', path.join(root, 'tab/vite.config.mts')], {
  stdio: 'inherit',
  cwd: root,
});
