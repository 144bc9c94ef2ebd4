/** The digest chart is a real PNG: right size, bars where the counts say, transparent elsewhere. */
import { inflateSync } from 'node:zlib';
import { pngDataUri, ragChartPng } from '../../../cards/chart-png';

function decode(png: Buffer) {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  const idatLength = png.readUInt32BE(33);
  const raw = inflateSync(png.subarray(41, 41 + idatLength));
  const pixel = (x: number, y: number) => [
    ...raw.subarray(y * (width * 4 + 1) + 1 + x * 4, y * (width * 4 + 1) + 1 + x * 4 + 4),
  ];
  return { width, height, pixel };
}

describe('RAG chart', () => {
  it('draws one 100% bar per digest, Red at the bottom, empty slots transparent', () => {
    const png = ragChartPng([
      { RED: 1, AMBER: 0, GREEN: 0, COMPLETE: 1, RISK_ACCEPTED: 0, SUPERSEDED: 0 },
      { RED: 0, AMBER: 0, GREEN: 1, COMPLETE: 0, RISK_ACCEPTED: 0, SUPERSEDED: 0 },
    ]);
    const { width, height, pixel } = decode(png);
    expect([width, height]).toEqual([186, 48]);
    expect(pixel(0, 47)).toEqual([0, 0, 0, 0]); // slots 1-6 are empty: only two digests so far
    const seventh = 6 * 24;
    expect(pixel(seventh, 47)).toEqual([0xd1, 0x34, 0x38, 255]); // Red, bottom half
    expect(pixel(seventh, 0)).toEqual([0x00, 0x78, 0xd4, 255]); // Complete, top half
    expect(pixel(seventh + 24, 24)).toEqual([0x10, 0x7c, 0x10, 255]); // all Green
    expect(png.length).toBeLessThan(1024);
    expect(pngDataUri(png)).toMatch(/^data:image\/png;base64,iVBORw0KGgo/);
  });
});
