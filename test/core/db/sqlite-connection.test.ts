/**
 * Chaser's SQLite connection under Prisma (core/db/sqlite-connection.ts): statements prepared once and
 * run again with new values, after a failure too; a transaction's rows unseen by anything outside it
 * until it commits, though both share one connection; the file a `file:` URL names.
 */
import Database from 'libsql';
import type { Db } from '../../../core/db/client';
import { sqlitePath } from '../../../core/db/sqlite-connection';
import { MAX_REUSED_PARAMS, MAX_REUSED_STATEMENTS } from '../../../core/db/statement-reuse';
import { createTestDb, testProvider, type TestDatabase } from '../../helpers/db';

const suite = testProvider() === 'sqlite' ? describe : describe.skip;

suite('SQLite connection', () => {
  let test: TestDatabase;
  let db: Db;
  beforeAll(async () => {
    test = await createTestDb();
    db = test.db;
  });
  afterAll(() => test.drop());

  it('prepares a statement once and runs it again with new values, after a failure too', async () => {
    const prepare = jest.spyOn(Database.prototype, 'prepare');
    try {
      const byKey = async (key: string) =>
        (await db.prisma.plan.findMany({ where: { key }, select: { title: true } })).map((p) => [p.title]);
      await db.prisma.plan.create({ data: { key: 'P1', title: 'First' } });
      await expect(db.prisma.plan.create({ data: { key: 'P1', title: 'Again' } })).rejects.toMatchObject({
        code: 'P2002',
      });
      await db.prisma.plan.create({ data: { key: 'P2', title: 'Second' } });
      expect([await byKey('P1'), await byKey('P2'), await byKey('none')]).toEqual([[['First']], [['Second']], []]);
      const texts = prepare.mock.calls.map(([sql]) => sql);
      expect(texts.filter((sql) => sql.startsWith('INSERT INTO'))).toHaveLength(1);
      expect(texts.filter((sql) => sql.startsWith('SELECT') && sql.includes('FROM `main`.`Plan`'))).toHaveLength(1);
    } finally {
      prepare.mockRestore();
    }
  });

  it('runs statements it does not keep: long parameter lists, and texts beyond the kept number', async () => {
    const ids = Array.from({ length: MAX_REUSED_PARAMS + 50 }, (_, i) => `k${i}`);
    expect(await db.prisma.plan.count({ where: { key: { in: ids } } })).toBe(0);
    expect(await db.prisma.plan.count({ where: { key: { in: ['P1', ...ids.slice(1)] } } })).toBe(1);
    const sum = async (i: number) =>
      Number((await db.prisma.$queryRawUnsafe<{ n: number | bigint }[]>(`SELECT ${i} + ? AS "n"`, 1))[0].n);
    for (let i = 0; i <= MAX_REUSED_STATEMENTS; i++) expect(await sum(i)).toBe(i + 1);
  });

  it("keeps a transaction's rows from a query outside it, which waits for the transaction to end", async () => {
    const events: string[] = [];
    let written!: () => void;
    const inside = new Promise<void>((resolve) => (written = resolve));
    const transaction = db.prisma
      .$transaction(async (tx) => {
        await tx.plan.create({ data: { key: 'ROLLED', title: 'Never committed' } });
        written();
        await new Promise((resolve) => setTimeout(resolve, 50));
        events.push('transaction ends');
        throw new Error('roll back');
      })
      .catch((e: Error) => e.message);
    await inside;
    const outside = db.prisma.plan.count({ where: { key: 'ROLLED' } }).then((n) => (events.push('outside read'), n));
    expect(await transaction).toBe('roll back');
    expect(await outside).toBe(0);
    expect(events).toEqual(['transaction ends', 'outside read']);
  });
});

describe('sqlitePath', () => {
  it('reads the file a file: URL names, relative or absolute', () => {
    expect(sqlitePath('file:./data/chaser.db')).toBe('./data/chaser.db');
    expect(sqlitePath('file:/var/lib/chaser/chaser.db')).toBe('/var/lib/chaser/chaser.db');
    expect(sqlitePath('file:///var/lib/chaser/chaser%20one.db')).toBe('/var/lib/chaser/chaser one.db');
    expect(sqlitePath('file://localhost/var/lib/chaser.db')).toBe('/var/lib/chaser.db');
  });

  it('refuses a file on another machine', () => {
    expect(() => sqlitePath('file://fileserver/share/chaser.db')).toThrow(
      'a file: URL names a file on this machine, not on "fileserver"',
    );
  });
});
