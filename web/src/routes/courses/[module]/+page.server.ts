import { error } from '@sveltejs/kit';
import { modulePage, modulePages } from '$lib/server/course';
import type { EntryGenerator } from './$types';

export const entries: EntryGenerator = () => modulePages().map((page) => ({ module: page.id }));

export function load({ params }) {
  const page = modulePage(params.module);
  if (!page) error(404, 'No such module');
  return { page };
}
