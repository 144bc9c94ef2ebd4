/** The file a `file:` URL names (core/db/sqlite-path.ts). */
import { sqlitePath } from '../../../core/db/sqlite-path';

describe('sqlitePath', () => {
  it('reads the file a file: URL names, relative or absolute', () => {
    expect(sqlitePath('file:./data/chaser.db')).toBe('./data/chaser.db');
    expect(sqlitePath('file:/var/lib/chaser/chaser.db')).toBe('/var/lib/chaser/chaser.db');
    expect(sqlitePath('file:///var/lib/chaser/chaser%20one.db')).toBe('/var/lib/chaser/chaser one.db');
    expect(sqlitePath('file://localhost/var/lib/chaser.db')).toBe('/var/lib/chaser.db');
  });

  it('refuses a file on another machine', () => {
    expect(() => sqlitePath('file://fileserver/share/chaser.db')).toThrow('a file: URL names a file on this machine, not on "fileserver"');
  });
});
