/**
 * A text file's characters, in whichever encoding Excel or Word saved it: UTF-8, with or without its byte
 * order mark; "Unicode Text", UTF-16 with its mark; or the Windows-1252 code page, which Windows Excel's
 * "CSV (Comma delimited)" writes, and in which curly quotes, dashes and £ are not UTF-8.
 */

/** Windows-1252's characters for the bytes 0x80–0x9F, where it differs from Latin-1. */
const CP1252_80_9F = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

export function decodeText(buffer: Buffer): string {
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return buffer.subarray(2).toString('utf16le');
  if (buffer[0] === 0xfe && buffer[1] === 0xff) return Buffer.from(buffer.subarray(2)).swap16().toString('utf16le');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    return buffer.toString('latin1').replace(/[\x80-\x9f]/g, (c) => CP1252_80_9F[c.charCodeAt(0) - 0x80]);
  }
}
