import { error } from '@sveltejs/kit';
import { modulePage, modulePages } from '$lib/server/course';
import type { EntryGenerator } from './$types';

export const entries: EntryGenerator = () => modulePages().map((page) => ({ module: page.id }));

/** Only the module's name is built into the page; the questions are drawn by the API per attempt. */
export function load({ params }) {
  const page = modulePage(params.module);
  if (!page) error(404, 'No such module');
  return { module: { id: page.id, title: page.title, order: page.order } };
}
