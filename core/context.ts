/**
 * What core functions need from outside: the database, the clock and the organisation's rules.
 * Passed in explicitly (never imported as globals) so jobs and handlers are testable.
 */
import type { Db } from './db/client';
import type { RagWindows } from './rag';
import type { Clock } from './time';

export interface CoreContext {
  db: Db;
  now: Clock;
  /** The organisation's time zone: what "today" means for due dates. */
  timeZone: string;
  ragWindows: RagWindows;
  /** AAD object ids configured as admins (ADMIN_AAD_IDS), on top of people whose role is admin. */
  adminAadIds: string[];
  /**
   * The Teams app's manifest id (TEAMS_APP_ID), when configured: a Teams deep link to the board tab names
   * the app by it, so without it cards offer no link to the tab.
   */
  teamsAppId?: string;
}
