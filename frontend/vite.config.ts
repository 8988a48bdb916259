/// <reference types="vitest/config" />
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

// The backend (Spring Boot) serves target/classes/static from the module jar at "/".
// During `npm run dev`, API calls are proxied to a locally running backend.
const backend = process.env.AFTERCARE_BACKEND ?? 'http://localhost:18080';

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
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test/setup.ts'],
    testTimeout: 30_000,
    // One test file per core. Vitest's default (cores - 1, for its main process) ran one file at a time on CI's two
    // cores, and the main process is nearly idle while the files run (ADR 0061).
    maxWorkers: availableParallelism(),
  },
});
