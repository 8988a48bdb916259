/// <reference types="vitest/config" />
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

// The backend (Spring Boot) serves target/classes/static from the module jar at "/".
// During `npm run dev`, API calls are proxied to a locally running backend.
const backend = process.env.AFTERCARE_BACKEND ?? 'http://localhost:18080';

const TESTS = 'src/**/*.test.{ts,tsx}';

/** The test files that replace a module with vi.mock: they need a module registry of their own (see test below). */
function testFilesReplacingModules(dir = 'src'): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return testFilesReplacingModules(path);
    return /\.test\.tsx?$/.test(entry.name) && readFileSync(path, 'utf8').includes('vi.mock(') ? [path] : [];
  });
}
const replacingModules = testFilesReplacingModules();

export default defineConfig({
  plugins: [
    react(),
    // Installable on a phone (ADR 0019): a manifest, and a service worker that precaches the app shell only.
    // No runtimeCaching: /api answers always come from the server.
    VitePWA({
      registerType: 'autoUpdate',
      injectRegister: 'script',
      filename: 'sw.js',
      manifestFilename: 'manifest.webmanifest',
      includeAssets: ['favicon.svg', 'icons/apple-touch-icon.png'],
      manifest: {
        name: '售后服务台 Aftercare',
        short_name: 'Aftercare',
        description: '视频监控与网络系统售后服务台',
        lang: 'zh-CN',
        start_url: './#/tasks',
        scope: './',
        display: 'standalone',
        orientation: 'portrait',
        theme_color: '#1f6feb',
        background_color: '#f5f7fa',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,woff2}'],
        // the model editor (bpmn-js, dmn-js) is for process owners at a desk: not precached on every phone
        globIgnores: ['**/assets/bpmnModeler-*', '**/assets/dmnModeler-*', '**/assets/ModelEditorPage-*'],
        maximumFileSizeToCacheInBytes: 6 * 1024 * 1024,
        navigateFallback: 'index.html',
        navigateFallbackDenylist: [/^\/api\//, /^\/actuator/, /^\/v3\//, /^\/swagger-ui/],
        cleanupOutdatedCaches: true,
        runtimeCaching: [],
      },
    }),
  ],
  base: './',
  build: {
    outDir: 'target/classes/static',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
  server: {
    proxy: { '/api': backend },
    // the lint test reads the shipped models from ../bpmn/models
    fs: { allow: ['.', '../bpmn/models'] },
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['src/test/setup.ts'],
    // a dialog's whole flow took 34-36 s in jsdom while the machine ran four builds at once (load 13): 30 s failed it
    testTimeout: 60_000,
    // One test file per core. Vitest's default (cores - 1, for its main process) ran one file at a time on CI's two
    // cores, and the main process is nearly idle while the files run (ADR 0061).
    maxWorkers: availableParallelism(),
    // A file in a fresh jsdom with freshly imported modules spent more time importing antd and the app than testing
    // (import 168 s + environment 109 s of a 436 s run): the files share each worker's jsdom and module registry, and
    // setup.ts puts back what a file may leave behind (ADR 0071). A file that replaces a module with vi.mock cannot
    // share: the module is already imported for the files before it, so it keeps its fresh registry.
    projects: [
      { extends: true, test: { name: 'shared', include: [TESTS], exclude: replacingModules, isolate: false } },
      { extends: true, test: { name: 'replacing-modules', include: replacingModules, isolate: true } },
    ],
  },
});
