#!/usr/bin/env node
/**
 * Generates one Prisma client per provider from prisma/models.prisma (run by `npm ci` via postinstall),
 * and with PostgreSQL's the Kysely table types core/store reads through (prisma/generated/kysely).
 * Prisma's engine download host is unreachable on our machines; generate never runs the schema
 * engine, so pointing PRISMA_SCHEMA_ENGINE_BINARY at any existing file skips the download.
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const models = fs.readFileSync(path.join(root, 'prisma/models.prisma'), 'utf8');
const env = { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: __filename, PRISMA_HIDE_UPDATE_MESSAGE: '1' };

// By path: Prisma runs a generator's provider as a command, and node_modules/.bin is not on npm ci's PATH.
const KYSELY_GENERATOR = `
generator kysely {
  provider = "node node_modules/prisma-kysely/dist/bin.js"
  output   = "../kysely"
  fileName = "types.ts"
}
`;

for (const provider of ['sqlite', 'postgresql']) {
  const dir = path.join(root, 'prisma/generated', provider);
  fs.mkdirSync(dir, { recursive: true });
  const header = `generator client {
  provider     = "prisma-client"
  output       = "./client"
  moduleFormat = "cjs"
}
${provider === 'postgresql' ? KYSELY_GENERATOR : ''}
datasource db {
  provider = "${provider}"
}
`;
  const schema = path.join(dir, 'schema.prisma');
  fs.writeFileSync(schema, `${header}\n${models}`);
  execFileSync(process.execPath, [require.resolve('prisma/build/index.js'), 'generate', '--schema', schema], {
    cwd: root,
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}
console.log('chaser: generated Prisma clients for sqlite and postgresql, and Kysely types');
