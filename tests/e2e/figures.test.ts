import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, inject, it } from 'vitest';
import { course } from '../../functions/core/course/generated/course';
import { useBrowserPerTest } from './browser';

/**
 * Every course figure stays readable on a 390 px phone, as Chromium draws it with the fonts it
 * has: no text under 10 px, every label inside the box it sits in, and nothing outside the
 * drawing or wider than the page.
 */
const stack = inject('stack');
const chromium = useBrowserPerTest();
let page: Page;
beforeEach(async () => {
  page = chromium.page();
  await page.setViewportSize({ width: 390, height: 844 });
});

/** A box on the page, in CSS pixels. */
interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
  width: number;
  height: number;
}

/**
 * What is wrong with each figure on the page, measured in CSS pixels as drawn. Runs in the page
 * (the tests' TypeScript has no DOM types, so the page's objects are typed loosely here).
 */
const figureProblems = (minimumPx: number) =>
  page.evaluate((minimum) => {
    /* eslint-disable @typescript-eslint/no-explicit-any */
    const doc = (globalThis as any).document;
    const styleOf = (globalThis as any).getComputedStyle as (node: unknown) => { fontSize: string };
    const problems: string[] = [];
    const inside = (inner: Box, outer: Box, slack = 1) =>
      inner.left >= outer.left - slack &&
      inner.right <= outer.right + slack &&
      inner.top >= outer.top - slack &&
      inner.bottom <= outer.bottom + slack;
    const figures: any[] = Array.from(doc.querySelectorAll('figure.figure svg'));
    figures.forEach((svg, index) => {
      const name: string = svg.querySelector('title')?.textContent ?? `figure ${index + 1}`;
      const drawing: Box = svg.getBoundingClientRect();
      if (drawing.right > doc.documentElement.clientWidth + 1)
        problems.push(`${name}: wider than the page (${Math.round(drawing.width)} px)`);
      const boxes: Box[] = Array.from(svg.querySelectorAll('rect') as ArrayLike<any>)
        .map((rect) => rect.getBoundingClientRect() as Box)
        .filter((box) => box.width < drawing.width * 0.98 || box.height < drawing.height * 0.98);
      for (const text of Array.from(svg.querySelectorAll('text') as ArrayLike<any>)) {
        const label = String(text.textContent ?? '').trim();
        if (!label) continue;
        const box: Box = text.getBoundingClientRect();
        const scale: number = text.getScreenCTM()?.a ?? 1;
        const sizes = [text, ...Array.from(text.querySelectorAll('tspan') as ArrayLike<any>)].map(
          (node) => parseFloat(styleOf(node).fontSize) * scale,
        );
        const smallest = Math.min(...sizes);
        if (smallest < minimum) problems.push(`${name}: "${label.slice(0, 40)}" drawn at ${smallest.toFixed(1)} px`);
        if (!inside(box, drawing)) problems.push(`${name}: "${label.slice(0, 40)}" runs outside the drawing`);
        // The box a label starts in is the one it must stay in.
        const anchor = { x: box.left + 1, y: box.top + box.height / 2 };
        const home = boxes
          .filter(
            (candidate) =>
              anchor.x >= candidate.left && anchor.x <= candidate.right && anchor.y >= candidate.top && anchor.y <= candidate.bottom,
          )
          .sort((a, b) => a.width * a.height - b.width * b.height)[0];
        if (home && !inside(box, home)) problems.push(`${name}: "${label.slice(0, 40)}" runs out of its box`);
      }
    });
    return { problems, count: figures.length };
  }, minimumPx);

describe('course figures on a 390 px phone', () => {
  it.each(course.modules.map((module) => [module.moduleId]))(
    '%s: every label at 10 px or more, inside its box and the page',
    async (moduleId) => {
      await page.goto(`${stack.webUrl}/courses/${moduleId}`);
      await page.locator('figure.figure svg').first().waitFor();
      // Fonts are ready before measuring: a fallback font would measure differently.
      await page.evaluate(() => (globalThis as { document?: { fonts: { ready: Promise<unknown> } } }).document?.fonts.ready);
      const { problems, count } = await figureProblems(10);
      expect(count).toBeGreaterThan(0);
      expect(problems).toEqual([]);
      expect(
        await page.evaluate(() => {
          const { document, innerWidth } = globalThis as unknown as {
            document: { documentElement: { scrollWidth: number } };
            innerWidth: number;
          };
          return document.documentElement.scrollWidth <= innerWidth;
        }),
        'the page does not scroll sideways',
      ).toBe(true);
    },
  );
});
