/** The file a `file:` URL names: `file:./data/chaser.db`, `file:/abs/path.db`, `file:///abs/path.db`. */
export function sqlitePath(url: string): string {
  const rest = url.replace(/^file:/, '');
  if (!rest.startsWith('//')) return decodeURIComponent(rest.split('?')[0]);
  const { hostname, pathname } = new URL(url);
  if (hostname !== '' && hostname !== 'localhost') throw new Error(`a file: URL names a file on this machine, not on "${hostname}"`);
  return decodeURIComponent(pathname);
}
