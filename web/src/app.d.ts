// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
  /** Absolute path of courses/, defined in vite.config.ts for build-time loaders. */
  const __COURSES_DIR__: string;
  namespace App {}
}

export {};
