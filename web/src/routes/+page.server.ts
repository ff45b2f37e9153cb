import { modulePages } from '$lib/server/course';

export function load() {
  return {
    modules: modulePages().map(({ id, order, title, summary, policy }) => ({
      id,
      order,
      title,
      summary,
      drawSize: policy.drawSize,
      passMark: policy.passMark,
    })),
  };
}
