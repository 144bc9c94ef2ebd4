/**
 * Plan files are checked against MAX_UPLOAD_BYTES before they are parsed: spreadsheet and docx readers
 * unzip into memory, so an oversized (or zip-bomb-sized) file must stop at the door. Every import path
 * (CLI, chat attachment) calls one of these with the configured limit.
 */

export class UploadTooLarge extends Error {
  constructor(
    readonly fileName: string,
    readonly limit: number,
  ) {
    super(`${fileName} is larger than ${megabytes(limit)}, the largest plan file Chaser imports.`);
    this.name = 'UploadTooLarge';
  }
}

/** When the size is known up front (a file on disk, a Teams file-consent offer). */
export function assertUploadSize(bytes: number, limit: number, fileName: string): void {
  if (!Number.isFinite(bytes) || bytes < 0 || bytes > limit) throw new UploadTooLarge(fileName, limit);
}

/** When it is not (a download): reads at most `limit` bytes and stops as soon as the stream goes over,
 * whatever a Content-Length header claimed. */
export async function readWithinLimit(
  chunks: AsyncIterable<Uint8Array>,
  limit: number,
  fileName: string,
): Promise<Buffer> {
  const parts: Buffer[] = [];
  let total = 0;
  for await (const chunk of chunks) {
    total += chunk.byteLength;
    assertUploadSize(total, limit, fileName);
    parts.push(Buffer.from(chunk));
  }
  return Buffer.concat(parts, total);
}

export function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return mb >= 1 ? `${Number(mb.toFixed(1))} MB` : `${Math.ceil(bytes / 1024)} KB`;
}
