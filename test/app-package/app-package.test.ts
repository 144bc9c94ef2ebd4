/**
 * The Teams app package: the manifest validates (with @microsoft/teams-manifest's validator) against
 * the Teams schema that @microsoft/app-manifest bundles — offline, no fetch of the $schema URL. (We
 * don't call app-manifest's own validator: it pulls in an ESM-only dependency jest cannot load.) The icons have the sizes Teams
 * demands, and `npm run package` writes a zip with the three files at its root and the ids filled in.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { ManifestUtil } from '@microsoft/teams-manifest';
import JSZip from 'jszip';
import {
  APP_PACKAGE_DIR,
  APP_PACKAGE_FILES,
  buildAppPackage,
  packageValues,
  renderManifest,
} from '../../scripts/package-app';

const TEMPLATE = readFileSync(join(APP_PACKAGE_DIR, 'manifest.json'), 'utf8');
const TEAMS_APP_ID = '0b6c6f7e-1d2a-4c3b-9e8f-112233445566';
const BOT_ID = 'a1b2c3d4-e5f6-4789-abcd-ef0123456789';

type Manifest = {
  manifestVersion: string;
  $schema: string;
  id: string;
  bots: { botId: string; scopes: string[]; commandLists: { scopes: string[]; commands: { title: string }[] }[] }[];
};

function schemaFor(manifest: Manifest) {
  return require(
    `@microsoft/app-manifest/build/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.schema.json`,
  );
}

async function schemaErrors(manifest: unknown): Promise<string[]> {
  return ManifestUtil.validateManifestAgainstSchema(manifest as never, schemaFor(manifest as Manifest));
}

/** Width, height and pixels of an 8-bit RGBA PNG written without scanline filters (as make-icons does). */
function readPng(file: string): { width: number; height: number; colourType: number; rgba: Buffer } {
  const png = readFileSync(join(APP_PACKAGE_DIR, file));
  expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  const idat = png.indexOf('IDAT');
  const rows = inflateSync(png.subarray(idat + 4, idat + 4 + png.readUInt32BE(idat - 4)));
  const rgba = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) {
    expect(rows[y * (width * 4 + 1)]).toBe(0);
    rows.copy(rgba, y * width * 4, y * (width * 4 + 1) + 1, (y + 1) * (width * 4 + 1));
  }
  return { width, height, colourType: png[25], rgba };
}

describe('Teams app manifest', () => {
  const manifest = renderManifest(TEMPLATE, packageValues({ TEAMS_APP_ID, MICROSOFT_APP_ID: BOT_ID })) as Manifest;

  it('validates against the bundled Teams schema of its manifestVersion', async () => {
    expect(manifest.$schema).toContain(`/teams/v${manifest.manifestVersion}/MicrosoftTeams.schema.json`);
    expect(await schemaErrors(manifest)).toEqual([]);
  });

  it('is checked for real: a broken manifest fails the same validation', async () => {
    const broken = { ...manifest, id: 'not-a-guid', bots: [{ ...manifest.bots[0], scopes: ['everywhere'] }] };
    const errors = await schemaErrors(broken);
    expect(errors.join('\n')).toMatch(/\/id /);
    expect(errors.join('\n')).toMatch(/\/bots\/0\/scopes\/0 /);
  });

  it('offers the bot in personal, team and group chat with the commands people use', () => {
    const [bot] = manifest.bots;
    expect(bot.botId).toBe(BOT_ID);
    expect(manifest.id).toBe(TEAMS_APP_ID);
    expect(bot.scopes.sort()).toEqual(['groupChat', 'personal', 'team']);
    const titles = (scope: string) =>
      bot.commandLists.filter((l) => l.scopes.includes(scope)).flatMap((l) => l.commands.map((c) => c.title));
    expect(titles('personal')).toEqual(
      expect.arrayContaining(['help', "what's red?", 'my actions', "what's overdue?", 'status of']),
    );
    expect(titles('team')).toEqual(expect.arrayContaining(['help', "what's red?", 'digest now']));
    expect(titles('groupChat')).toEqual(titles('team'));
  });

  it('declares the board tab: My actions for people, a board tab for channels, chats and meetings, with SSO', () => {
    const m = renderManifest(
      TEMPLATE,
      packageValues({ TEAMS_APP_ID, MICROSOFT_APP_ID: BOT_ID, CHASER_HOST: 'chaser.contoso.com' }),
    ) as Record<string, any>;
    expect(m.staticTabs).toEqual([
      expect.objectContaining({ contentUrl: 'https://chaser.contoso.com/tab/me', scopes: ['personal'] }),
    ]);
    expect(m.configurableTabs[0]).toEqual(
      expect.objectContaining({
        configurationUrl: 'https://chaser.contoso.com/tab/config',
        scopes: ['team', 'groupChat'],
      }),
    );
    expect(m.configurableTabs[0].context).toEqual(
      expect.arrayContaining(['channelTab', 'meetingSidePanel', 'meetingChatTab']),
    );
    expect(m.webApplicationInfo).toEqual({ id: BOT_ID, resource: `api://chaser.contoso.com/${BOT_ID}` });
    expect(m.validDomains).toEqual(['chaser.contoso.com']);
    expect(() => packageValues({ CHASER_HOST: 'https://chaser.contoso.com/' })).toThrow(
      /^Invalid environment variable CHASER_HOST/,
    );
  });

  it('fills placeholders from defaults when the environment leaves them unset or blank', () => {
    const values = packageValues({ TEAMS_APP_ID: '' });
    expect(values.TEAMS_APP_ID).toMatch(/^[0-9a-f-]{36}$/);
    expect(values.APP_VERSION).toBe(
      JSON.parse(readFileSync(join(APP_PACKAGE_DIR, '..', 'package.json'), 'utf8')).version,
    );
    expect(JSON.stringify(renderManifest(TEMPLATE, values))).not.toContain('${{');
  });

  it('names the variable when an id is not a GUID', () => {
    expect(() => packageValues({ MICROSOFT_APP_ID: 'my-bot' })).toThrow(
      /^Invalid environment variable MICROSOFT_APP_ID: must be a GUID/,
    );
  });

  it('refuses a placeholder that has no value', () => {
    expect(() => renderManifest('{"id": "${{NOPE}}"}', packageValues({}))).toThrow(/\$\{\{NOPE\}\}/);
  });
});

describe('Teams app icons', () => {
  it('has a 192x192 colour icon', () => {
    const color = readPng('color.png');
    expect([color.width, color.height]).toEqual([192, 192]);
  });

  it('has a 32x32 outline icon that is white on transparent', () => {
    const outline = readPng('outline.png');
    expect([outline.width, outline.height, outline.colourType]).toEqual([32, 32, 6]);
    const alphas = new Set<number>();
    for (let i = 0; i < outline.rgba.length; i += 4) {
      const [r, g, b, a] = outline.rgba.subarray(i, i + 4);
      if (a > 0) expect([r, g, b]).toEqual([255, 255, 255]);
      alphas.add(a);
    }
    expect(alphas.has(0)).toBe(true);
    expect(alphas.has(255)).toBe(true);
  });
});

describe('npm run package', () => {
  it('writes a zip with the manifest (ids substituted) and both icons at its root', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'chaser-pkg-')), 'chaser.zip');
    const { file } = await buildAppPackage({ TEAMS_APP_ID, MICROSOFT_APP_ID: BOT_ID }, out);
    const zip = await JSZip.loadAsync(readFileSync(file), { checkCRC32: true });
    expect(Object.keys(zip.files).sort()).toEqual([...APP_PACKAGE_FILES].sort());
    const packed = JSON.parse(await zip.file('manifest.json')!.async('string')) as Manifest;
    expect(packed.id).toBe(TEAMS_APP_ID);
    expect(packed.bots[0].botId).toBe(BOT_ID);
    expect(await schemaErrors(packed)).toEqual([]);
    for (const icon of ['color.png', 'outline.png']) {
      expect((await zip.file(icon)!.async('nodebuffer')).equals(readFileSync(join(APP_PACKAGE_DIR, icon)))).toBe(true);
    }
  });
});
