/**
 * Reads a PDF's positioned text and ruled tables (pdf-parse, over Mozilla's pdf.js) in a worker thread: pdf.js
 * loads its own worker as an ES module, which it can do from a plain Node thread, and a large PDF never holds up
 * the bot's event loop. Gets the file's bytes; answers { pages, tables } (pages: each page's text items with
 * their x, y in PDF points, y upwards) or { error }.
 */
const { parentPort, workerData } = require('node:worker_threads');
const { PDFParse } = require('pdf-parse');

async function positionedText(doc) {
  const pages = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const { items } = await page.getTextContent();
    pages.push(
      items
        .filter((item) => 'str' in item && item.str.trim())
        .map(({ str, transform, width, height }) => ({
          text: str,
          x: transform[4],
          y: transform[5],
          width,
          height: height || Math.abs(transform[3]),
        })),
    );
    page.cleanup();
  }
  return pages;
}

(async () => {
  const pdf = new PDFParse({ data: new Uint8Array(workerData) });
  try {
    const pages = await positionedText(await pdf.load());
    const tables = pages.some((items) => items.length)
      ? (await pdf.getTable()).pages.flatMap((page) => page.tables)
      : [];
    parentPort.postMessage({ pages, tables });
  } catch (err) {
    const error =
      err && err.name === 'PasswordException'
        ? 'it is protected by a password: send a copy saved without one'
        : err instanceof Error
          ? err.message
          : String(err);
    parentPort.postMessage({ error });
  } finally {
    await pdf.destroy();
  }
})();
