/**
 * Builds the board tab (tab/src) into tab/dist, which Chaser serves under /tab (bot/tab/index.ts).
 * JSX goes through Vite's own Oxc transform, so no React plugin is needed.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/tab/',
  oxc: { jsx: { runtime: 'automatic' } },
  logLevel: 'warn',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    // One file for the app (test/tab/bundle-size.test.ts holds it to its budget, gzipped).
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      // Fluent UI marks its modules 'use client' for server rendering, which a browser bundle has no use for.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
});
