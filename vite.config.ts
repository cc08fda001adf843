// The renderer build: renderer/ -> dist/, relative asset URLs so both app://renderer/ (Electron)
// and http://127.0.0.1:PORT/ (browser mode) serve the same files.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  root: fileURLToPath(new URL('./renderer', import.meta.url)),
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    // No inline module-preload polyfill: the CSP has no 'unsafe-inline'.
    modulePreload: { polyfill: false },
    sourcemap: true,
  },
});
