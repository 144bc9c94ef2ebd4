/**
 * The board tab on Chaser's own server: the built app (tab/dist, from `npm run build:tab`) under /tab and
 * its API under /api/tab. Teams shows tabs in a frame, so the pages may be framed by Teams' hosts only.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import express from 'express';
import { createTabApi, type TabApiDeps } from './api';

export const TAB_DIST = path.join(__dirname, '..', '..', 'tab', 'dist');

const FRAME_ANCESTORS =
  "frame-ancestors 'self' https://teams.microsoft.com https://*.teams.microsoft.com " +
  'https://*.office.com https://*.cloud.microsoft';

export function createTabRoutes(deps: TabApiDeps, dist = TAB_DIST): express.Router {
  const router = express.Router();
  router.use('/api/tab', createTabApi(deps));
  router.use('/tab', (_req, res, next) => {
    res.setHeader('Content-Security-Policy', FRAME_ANCESTORS);
    next();
  });
  router.use('/tab', express.static(dist, { index: false, maxAge: '1h' }));
  // Every view (/tab/board, /tab/me, /tab/meeting, /tab/config) is the same page; the app reads its path.
  router.get(/^\/tab(\/.*)?$/, (_req, res) => {
    const index = path.join(dist, 'index.html');
    if (!existsSync(index)) {
      res.status(503).type('text/plain').send('The board tab is not built: run npm run build:tab');
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  return router;
}
