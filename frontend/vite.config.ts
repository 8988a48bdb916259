/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The backend (Spring Boot) serves target/classes/static from the module jar at "/".
// During `npm run dev`, API calls are proxied to a locally running backend.
const backend = process.env.AFTERCARE_BACKEND ?? 'http://localhost:18080';

export default defineConfig({
  plugins: [react()],
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
  },
});
