// Dev-only: lets Prisma 6.19's Wasm schema engine write migration SQL without the native engine download.
import { defineConfig } from 'prisma/config';
import { PrismaLibSQL } from '@prisma/adapter-libsql';
import { PrismaPg } from '@prisma/adapter-pg';

const provider = process.env.CHASER_PROVIDER ?? 'sqlite';

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: `schema.${provider}.prisma`,
  adapter: async () =>
    provider === 'sqlite'
      ? new PrismaLibSQL({ url: 'file:./scratch.db' })
      : new PrismaPg({
          connectionString: process.env.SCRATCH_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432/chaser_scratch',
        }),
});
