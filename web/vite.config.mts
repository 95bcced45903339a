/**
 * Builds the web app (`npm run build:web`) into web/dist: the portal and admin console
 * (index.html) and the playground (playground.html, which alone loads GraphiQL and its editor).
 * The API serves the result in embedded mode, and any static host can serve it elsewhere: the
 * API's address and key come from /config.json at run time, never from the build. JSX goes
 * through Vite's own transform (Oxc, React's automatic runtime), so no plugin is needed.
 * `npx vite --config web/vite.config.mts` serves it for development against `npm start`.
 */
import { defineConfig } from 'vite';

const root = decodeURIComponent(new URL('.', import.meta.url).pathname);

export default defineConfig({
  root,
  // Absolute asset URLs: the app's routes (/admin/users/…) are all the one page.
  base: '/',
  publicDir: 'public',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // GraphiQL's editor (Monaco) is a few MB; only the playground loads it.
    chunkSizeWarningLimit: 4096,
    rolldownOptions: {
      input: { app: `${root}index.html`, playground: `${root}playground.html` },
      onwarn(warning, warn) {
        // GraphiQL's dependencies mark modules "use client", which means nothing outside React Server Components.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  worker: { format: 'es' },
  server: {
    proxy: { '/graphql': 'http://127.0.0.1:4000', '/config.json': 'http://127.0.0.1:4000' },
  },
});
