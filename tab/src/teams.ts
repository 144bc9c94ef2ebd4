/**
 * The Teams host, when there is one: its theme (followed as the user changes it), the frame the tab is
 * shown in (content, settings, meeting side panel) and SSO tokens. In a plain browser (local mode, next to
 * the Playground) there is no host; the theme then comes from ?theme= or the browser's preference.
 */
import type * as TeamsJs from '@microsoft/teams-js';
import { boardEntityId } from '../../core/domain';

/**
 * Loaded only inside a frame: the library fetches Teams' list of host domains when it loads, which a
 * browser outside Teams has no use for.
 */
let teams: typeof TeamsJs | null = null;

export type ThemeName = 'default' | 'dark' | 'contrast';

export interface Host {
  inTeams: boolean;
  theme: ThemeName;
  /** "content", "settings", "sidePanel", "meetingStage"... */
  frameContext: string | null;
  /** What a deep link opened the tab on (its context's subEntityId): an action's id on the board tab. */
  subPageId: string | null;
}

/** Teams answers within a second when it hosts the page; a browser tab has no parent to answer. */
const INITIALIZE_TIMEOUT_MS = 5000;

function themeName(t: string | undefined): ThemeName {
  return t === 'dark' ? 'dark' : t === 'contrast' ? 'contrast' : 'default';
}

function insideFrame(): boolean {
  try {
    return window.parent !== window.self;
  } catch {
    return true;
  }
}

export async function connect(onTheme: (t: ThemeName) => void): Promise<Host> {
  const asked = new URLSearchParams(location.search).get('theme');
  const browserTheme: ThemeName = asked
    ? themeName(asked)
    : matchMedia('(prefers-color-scheme: dark)').matches
      ? 'dark'
      : 'default';
  const browser: Host = { inTeams: false, theme: browserTheme, frameContext: null, subPageId: null };
  if (!insideFrame()) return browser;
  const t = await import('@microsoft/teams-js');
  try {
    await Promise.race([
      t.app.initialize(),
      new Promise((_, reject) => setTimeout(() => reject(new Error('no Teams host')), INITIALIZE_TIMEOUT_MS)),
    ]);
  } catch {
    return browser;
  }
  teams = t;
  const { app } = t;
  const context = await app.getContext();
  app.registerOnThemeChangeHandler((t) => onTheme(themeName(t)));
  app.notifySuccess();
  return {
    inTeams: true,
    theme: themeName(context.app.theme),
    frameContext: context.page.frameContext ?? null,
    subPageId: context.page.subPageId || null,
  };
}

export function ssoToken(): Promise<string> {
  if (!teams) throw new Error('single sign-on needs Teams');
  return teams.authentication.getAuthToken();
}

/** The configurable tab's settings page: which board the tab (or meeting panel) shows. */
export function offerBoard(board: { key: string; name: string } | null): void {
  if (!teams) return;
  const { pages } = teams;
  if (!board) {
    pages.config.setValidityState(false);
    return;
  }
  pages.config.registerOnSaveHandler((save) => {
    const url = `${location.origin}/tab/board?board=${encodeURIComponent(board.key)}`;
    pages.config
      .setConfig({
        entityId: boardEntityId(board.key),
        contentUrl: url,
        websiteUrl: url,
        suggestedDisplayName: board.name,
      })
      .then(
        () => save.notifySuccess(),
        (err: Error) => save.notifyFailure(err.message),
      );
  });
  pages.config.setValidityState(true);
}
