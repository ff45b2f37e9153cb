import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** WCAG 2.0, 2.1 and 2.2 level A and AA rules that axe-core can check automatically. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** The page's automatically detectable WCAG A/AA violations, one line each (an empty list passes). */
export async function wcagViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page: page as never }).withTags(WCAG_TAGS).analyze();
  // Guard against a check that ran nothing: a real page passes dozens of rules.
  expect(results.passes.length).toBeGreaterThan(10);
  return results.violations.map(
    (violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`,
  );
}
