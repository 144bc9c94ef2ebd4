/**
 * Reads a PDF's text and ruled tables (pdf-parse, over Mozilla's pdf.js) in a worker thread: pdf.js loads
 * its own worker as an ES module, which it can do from a plain Node thread, and a large PDF never holds up
 * the bot's event loop. Gets the file's bytes; answers { text, tables } or { error }.
 */
const { parentPort, workerData } = require('node:worker_threads');
const { PDFParse } = require('pdf-parse');

(async () => {
  const pdf = new PDFParse({ data: new Uint8Array(workerData) });
  try {
    const { text } = await pdf.getText({ pageJoiner: '' });
    const tables = text.trim() ? (await pdf.getTable()).pages.flatMap((page) => page.tables) : [];
    parentPort.postMessage({ text, tables });
  } catch (err) {
    parentPort.postMessage({ error: err instanceof Error ? err.message : String(err) });
  } finally {
    await pdf.destroy();
  }
})();
