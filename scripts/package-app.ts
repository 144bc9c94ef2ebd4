/**
 * `npm run package`: writes appPackage/build/chaser.zip, the file to upload to Teams (Teams admin
 * centre, or Apps → Manage your apps → Upload an app). The zip holds manifest.json with its
 * `${{NAME}}` placeholders filled from the environment, and the two icons, all at the zip's root —
 * Teams rejects a package whose files sit in a folder.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import JSZip from 'jszip';
import { z } from 'zod';
import { GUID } from '../core/config';

export const APP_PACKAGE_DIR = join(__dirname, '..', 'appPackage');
export const APP_PACKAGE_FILES = ['manifest.json', 'color.png', 'outline.png'] as const;

const HOST_NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/i;
const guid = z.string().regex(GUID, 'must be a GUID such as 3667d37b-c8eb-4443-ab8c-af9e7a38821e');

/**
 * The placeholders and their defaults. TEAMS_APP_ID identifies the app in a tenant; keep one value per
 * deployment so an upload updates the app instead of adding a second one. MICROSOFT_APP_ID must be
 * the Azure Bot registration's app id (the bot's own MICROSOFT_APP_ID); the all-zero default only
 * makes a package that validates, Teams cannot reach a bot through it.
 */
const packageEnv = z.object({
  TEAMS_APP_ID: guid.default('3667d37b-c8eb-4443-ab8c-af9e7a38821e'),
  MICROSOFT_APP_ID: guid.default('00000000-0000-0000-0000-000000000000'),
  CHASER_WEBSITE_URL: z
    .string()
    .regex(/^https:\/\/[^\s/]+(\/[^\s]*[^\s/])?$/, 'must be an https:// URL without a trailing slash')
    .default('https://example.com/chaser'),
  // Where Chaser runs, as Teams reaches it: the tabs load from https://<host>/tab, and single sign-on's
  // Application ID URI is api://<host>/<app id> (README "Board tab").
  CHASER_HOST: z
    .string()
    .regex(HOST_NAME, 'must be a host name such as chaser.contoso.com')
    .default('chaser.example.com'),
  APP_VERSION: z.string().regex(/^\d+\.\d+\.\d+$/, 'must be a version like 1.2.3'),
});

export type PackageValues = z.infer<typeof packageEnv>;

/** Reads the placeholder values from env (blank counts as unset); APP_VERSION defaults to package.json's. */
export function packageValues(env: NodeJS.ProcessEnv): PackageValues {
  const { version } = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as { version: string };
  const given = Object.fromEntries(Object.keys(packageEnv.shape).flatMap((k) => (env[k] ? [[k, env[k]]] : [])));
  const parsed = packageEnv.safeParse({ APP_VERSION: version, ...given });
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new Error(
    `Invalid environment variable ${String(issue.path[0])}: ${issue.message} (got "${env[String(issue.path[0])]}")`,
  );
}

/** Fills every `${{NAME}}`; a placeholder with no value is an error rather than a broken upload. */
export function renderManifest(template: string, values: PackageValues): unknown {
  const text = template.replace(/\$\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => {
    if (!(name in values)) throw new Error(`appPackage/manifest.json uses \${{${name}}}, which has no value`);
    return values[name as keyof PackageValues];
  });
  return JSON.parse(text);
}

export async function buildAppPackage(
  env: NodeJS.ProcessEnv,
  outFile = join(APP_PACKAGE_DIR, 'build', 'chaser.zip'),
): Promise<{ file: string; manifest: unknown; values: PackageValues }> {
  const values = packageValues(env);
  const manifest = renderManifest(readFileSync(join(APP_PACKAGE_DIR, 'manifest.json'), 'utf8'), values);
  const zip = new JSZip();
  zip.file('manifest.json', JSON.stringify(manifest, null, 2));
  for (const icon of APP_PACKAGE_FILES.slice(1)) zip.file(icon, readFileSync(join(APP_PACKAGE_DIR, icon)));
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  return { file: outFile, manifest, values };
}

if (require.main === module) {
  buildAppPackage(process.env).then(
    ({ file, values }) => {
      console.log(
        `wrote ${file} (app id ${values.TEAMS_APP_ID}, bot id ${values.MICROSOFT_APP_ID}, version ${values.APP_VERSION})`,
      );
      if (!process.env.MICROSOFT_APP_ID)
        console.warn(
          'MICROSOFT_APP_ID is not set: the package validates, but Teams needs your Azure Bot app id to reach the bot.',
        );
    },
    (err: Error) => {
      console.error(err.message);
      process.exit(1);
    },
  );
}
