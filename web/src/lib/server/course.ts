import { compileCourse, type CompiledModule } from '$scripts/course/compile';
import type { ModulePage } from '$core/course/types';

let compiled: CompiledModule[] | undefined;

/**
 * Pages of the course for prerendering. Only `page` (lesson text, no questions) leaves this
 * module: question banks and answer keys stay with the scoring function.
 */
export function modulePages(): ModulePage[] {
  compiled ??= compileCourse(__COURSES_DIR__);
  return compiled.map((module) => module.page);
}

export function modulePage(id: string): ModulePage | undefined {
  return modulePages().find((page) => page.id === id);
}

/** Module ids and titles, for pages that list attempts. */
export const moduleTitles = () => Object.fromEntries(modulePages().map((page) => [page.id, page.title]));
