#!/usr/bin/env node
/**
 * `npm run build`: compiles Chaser to JavaScript in dist/ for `npm run start:prod`, and copies beside
 * it what the code reads from disk at run time: the migrations, the demo plan and the AI prompts.
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const dist = path.join(root, 'dist');
fs.rmSync(dist, { recursive: true, force: true });
execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
for (const dir of ['prisma/sqlite/migrations', 'prisma/postgresql/migrations', 'bot/ai/prompts']) {
  fs.cpSync(path.join(root, dir), path.join(dist, dir), { recursive: true });
}
for (const file of fs.readdirSync(path.join(root, 'prisma/seed')).filter((f) => !f.endsWith('.ts'))) {
  fs.copyFileSync(path.join(root, 'prisma/seed', file), path.join(dist, 'prisma/seed', file));
}
console.log('chaser: built dist/ (npm run start:prod runs it)');
