#!/usr/bin/env node
/**
 * `npm run build`: compiles Chaser to JavaScript in dist/ for `npm run start:prod`, and copies beside
 * it what the code reads from disk at run time: the migrations, the demo plan, the AI prompts, the PDF
 * reader's worker script and the built board tab (tab/dist, served under /tab).
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const dist = path.join(root, 'dist');
fs.rmSync(dist, { recursive: true, force: true });
execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(root, 'tsconfig.build.json')], {
  stdio: 'inherit',
});
for (const dir of ['prisma/sqlite/migrations', 'prisma/postgresql/migrations', 'bot/ai/prompts']) {
  fs.cpSync(path.join(root, dir), path.join(dist, dir), { recursive: true });
}
// Worker threads' scripts run as they are (plain JavaScript), beside the modules that start them.
fs.copyFileSync(
  path.join(root, 'core/import/pdf-reader.worker.js'),
  path.join(dist, 'core/import/pdf-reader.worker.js'),
);
for (const file of fs.readdirSync(path.join(root, 'prisma/seed')).filter((f) => !f.endsWith('.ts'))) {
  fs.copyFileSync(path.join(root, 'prisma/seed', file), path.join(dist, 'prisma/seed', file));
}
execFileSync('npm', ['run', 'build:tab'], { cwd: root, stdio: 'inherit' });
fs.cpSync(path.join(root, 'tab/dist'), path.join(dist, 'tab/dist'), { recursive: true });
console.log('chaser: built dist/ (npm run start:prod runs it)');
