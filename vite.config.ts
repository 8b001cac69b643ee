import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The web client: built into dist/web, which the Fastify server serves. */
const api = 'http://127.0.0.1:3000';

export default defineConfig({
  root: fileURLToPath(new URL('./src/web', import.meta.url)),
  base: '/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist/web', import.meta.url)),
    emptyOutDir: true,
    // No source maps: nothing in the bundle points anywhere else.
    sourcemap: false,
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/api': { target: api },
      '/healthz': { target: api },
      '/readyz': { target: api },
      '/metrics': { target: api },
      '/socket.io': { target: api, ws: true },
    },
  },
  preview: { port: 4173, strictPort: true },
});
