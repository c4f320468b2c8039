import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The web app. `npm run build:web` writes dist/web, which the server serves (TSUNAGU_WEB_DIR).
 * For `npx vite` development the API is proxied to a running server; start that server with
 * TRUSTED_ORIGINS=http://localhost:5173 so its same-origin check accepts the dev origin.
 */
export default defineConfig({
  root: fileURLToPath(new URL('./src/web', import.meta.url)),
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist/web', import.meta.url)),
    emptyOutDir: true,
    // ECharts' core alone is ~530 kB minified (~180 kB gzip), tree-shaken to the charts in use;
    // the people-flow map series (geo, visual map) adds ~110 kB. It is its own chunk, fetched
    // only by pages with a chart, so it is allowed past 500 kB.
    chunkSizeWarningLimit: 700,
    rolldownOptions: {
      output: {
        // Libraries change far less often than the app: separate chunks stay cached across
        // releases, and no single file grows past the size warning.
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/,
            },
            { name: 'mantine', test: /node_modules[\\/](@mantine|@floating-ui)[\\/]/ },
            // The prefectures of the people-flow origin map, fetched only by the page drawing it.
            { name: 'japan-map', test: /node_modules[\\/]@svg-maps[\\/]japan[\\/]/ },
            // Only the charts use ECharts and load it on demand: kept out of the start-up chunk.
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/ },
            { name: 'vendor', test: /node_modules[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
});
