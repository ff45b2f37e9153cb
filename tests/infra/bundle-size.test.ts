import { describe, expect, it } from 'vitest';
import { bundle, deployedFunctionNames, FLOOR_ENTRY, floorEntry, functionEntry, SIZE_BUDGET_RATIO } from '../support/bundle';

describe('Lambda bundle sizes (same esbuild settings as CDK)', async () => {
  const floor = await bundle(FLOOR_ENTRY);

  it('the floor is a real Hono + DynamoDB bundle', () => {
    expect(floor.bytes).toBeGreaterThan(300_000);
  });

  it.each(deployedFunctionNames())(`%s is at most ${SIZE_BUDGET_RATIO} × its floor (same AWS SDK clients)`, async (name) => {
    const [fn, floor] = await Promise.all([bundle(functionEntry(name)), bundle(floorEntry(name))]);
    expect(fn.bytes / floor.bytes, `${name}: ${fn.bytes} B vs floor ${floor.bytes} B`).toBeLessThanOrEqual(SIZE_BUDGET_RATIO);
    // The course compiler, the OpenAPI generator and full zod are build-time only (functions/scripts/); they must not reach a function.
    expect(
      fn.sources.filter((source) => source.startsWith('functions/scripts/') || /node_modules\/(gray-matter|marked|yaml)\//.test(source)),
    ).toEqual([]);
  });
});
