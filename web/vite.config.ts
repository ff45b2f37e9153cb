import { sveltekit } from '@sveltejs/kit/vite';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [sveltekit()],
  // Read by build-time (prerender) code only; the course compiler lives outside web/.
  define: { __COURSES_DIR__: JSON.stringify(fileURLToPath(new URL('../courses', import.meta.url))) },
  server: { fs: { allow: ['..'] } },
});
