import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  kit: {
    // Every page is prerendered; 404.html boots the client router for unknown paths.
    adapter: adapter({ pages: 'build', assets: 'build', fallback: '404.html', strict: true }),
    // $core: the domain and API types the app shares; $scripts: the course compiler, for prerendering only.
    alias: { $core: '../functions/core', $scripts: '../functions/scripts' },
    // Hashes of SvelteKit's inline bootstrap script go into a <meta> CSP on every page.
    csp: { mode: 'hash', directives: { 'script-src': ['self'] } },
    prerender: { handleHttpError: 'fail', handleMissingId: 'fail' },
  },
};

export default config;
