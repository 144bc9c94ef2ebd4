/** The board tab's built files (tab/dist, from npm run build:tab), gzipped as a browser downloads them. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export const TAB_DIST = join(__dirname, '..', '..', 'tab', 'dist');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? files(full) : [full];
  });
}

export function gzippedBundleBytes(dist = TAB_DIST): number {
  return files(dist)
    .filter((f) => /\.(js|css|html)$/.test(f))
    .reduce((sum, f) => sum + gzipSync(readFileSync(f), { level: 9 }).length, 0);
}
