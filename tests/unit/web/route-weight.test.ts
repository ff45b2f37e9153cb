import { describe, expect, it } from 'vitest';
import { SITE_BUILD_DIR } from '../../../infra/site';
import { JS_BUDGET_GZIP_BYTES, routeWeights } from '../../support/web-weight';

describe('first-load weight of every prerendered route', () => {
  const weights = routeWeights(SITE_BUILD_DIR);

  it('covers the course pages', () => {
    expect(weights.map((weight) => weight.route)).toEqual(
      expect.arrayContaining(['/', '/courses/mechanism-of-action', '/courses/mechanism-of-action/quiz']),
    );
    expect(weights.every((weight) => weight.jsFiles > 0 && weight.jsGzipBytes > 0)).toBe(true);
  });

  it.each(weights.map((weight) => [weight.route, weight] as const))(
    `%s loads at most ${JS_BUDGET_GZIP_BYTES / 1024} KB of JS (gzip)`,
    (_route, weight) => {
      expect(weight.jsGzipBytes).toBeLessThanOrEqual(JS_BUDGET_GZIP_BYTES);
    },
  );
});
