import { sveltekit } from '@sveltejs/kit/vite';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [sveltekit()],
  // Read by build-time (prerender) code only; the course compiler lives outside web/.
  define: { __COURSES_DIR__: JSON.stringify(fileURLToPath(new URL('../courses', import.meta.url))) },
  server: { fs: { allow: ['..'] } },
  // The one chunk past Vite's 500 kB default is the PDF writer (pdf-lib, fontkit, the QR encoder), loaded only when
  // someone clicks Download PDF; first-load JS has its own budget in tests/unit/web/route-weight.test.ts.
  build: { chunkSizeWarningLimit: 1400 },
});
