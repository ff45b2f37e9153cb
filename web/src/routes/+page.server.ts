import { modulePages } from '$lib/server/course';

export function load() {
  return {
    modules: modulePages().map(({ id, order, title, summary, questionCount, passMark }) => ({
      id,
      order,
      title,
      summary,
      questionCount,
      passMark,
    })),
  };
}
