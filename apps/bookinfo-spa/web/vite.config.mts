import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));

// No React plugin: esbuild compiles TSX with the automatic runtime, which is all a
// production build needs (the plugin only adds fast refresh for development).
export default defineConfig({
  root: webRoot,
  publicDir: false,
  esbuild: { jsx: 'automatic' },
  build: {
    outDir: fileURLToPath(new URL('../dist/public', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    // The app shell's CSP allows our own scripts only: no inline polyfill.
    modulePreload: { polyfill: false },
    sourcemap: false,
    reportCompressedSize: false,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:8080', '/_mesh': 'http://127.0.0.1:8080' } },
});
