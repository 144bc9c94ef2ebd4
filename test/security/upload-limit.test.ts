/** Import file size: MAX_UPLOAD_BYTES is checked before a plan file is parsed, known size or streamed. */
import { Readable } from 'node:stream';
import { loadConfig } from '../../core/config';
import { assertUploadSize, readWithinLimit, UploadTooLarge } from '../../core/import/upload-limit';

const LIMIT = loadConfig({}).MAX_UPLOAD_BYTES;

describe('assertUploadSize', () => {
  it('defaults MAX_UPLOAD_BYTES to 5 MB', () => {
    expect(LIMIT).toBe(5 * 1024 * 1024);
  });

  it('accepts a file up to the limit', () => {
    expect(() => assertUploadSize(0, LIMIT, 'empty.csv')).not.toThrow();
    expect(() => assertUploadSize(LIMIT, LIMIT, 'plan.xlsx')).not.toThrow();
  });

  it('refuses a byte over, naming the file and the limit', () => {
    expect(() => assertUploadSize(LIMIT + 1, LIMIT, 'plan.xlsx')).toThrow(new UploadTooLarge('plan.xlsx', LIMIT));
    expect(new UploadTooLarge('plan.xlsx', LIMIT).message).toBe(
      'plan.xlsx is larger than 5 MB, the largest plan file Chaser imports.',
    );
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, -1])(
    'refuses a nonsense size (%p) rather than letting it through',
    (bytes) => {
      expect(() => assertUploadSize(bytes, LIMIT, 'x.csv')).toThrow(UploadTooLarge);
    },
  );

  it('states small limits in KB', () => {
    expect(() => assertUploadSize(2000, 1000, 'x.csv')).toThrow('x.csv is larger than 1 KB');
  });
});

describe('readWithinLimit', () => {
  const chunks = (n: number, size: number) => Readable.from(Array.from({ length: n }, () => Buffer.alloc(size, 97)));

  it('returns the whole file when it fits', async () => {
    const buf = await readWithinLimit(chunks(4, 1000), 4000, 'plan.csv');
    expect(buf.length).toBe(4000);
    expect(buf.toString()).toBe('a'.repeat(4000));
  });

  it('stops reading as soon as the stream passes the limit', async () => {
    let pulled = 0;
    async function* endless() {
      for (;;) {
        pulled++;
        yield Buffer.alloc(1024);
      }
    }
    await expect(readWithinLimit(endless(), 10 * 1024, 'bomb.xlsx')).rejects.toThrow(UploadTooLarge);
    expect(pulled).toBe(11);
  });
});
