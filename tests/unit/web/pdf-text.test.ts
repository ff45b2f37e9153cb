import { describe, expect, it } from 'vitest';
import { baseDirection, bidiLevels, visualOrder } from '../../../web/src/lib/certification/pdf-bidi';
import { CjkRanges, cjkFileName, cjkPreference } from '../../../web/src/lib/certification/pdf-fonts';
import { nodePdfFonts } from '../../support/pdf/fonts-node';

/** The visual order of a line's characters (left to right), from its levels, with each level's direction applied. */
const visual = (text: string) => {
  const chars = [...text];
  return visualOrder(chars, bidiLevels(chars, baseDirection(text))).join('');
};

describe('bidirectional text (UAX #9, one paragraph)', () => {
  it('takes the paragraph direction from the first strong letter', () => {
    expect(baseDirection('Clinic محمد')).toBe('ltr');
    expect(baseDirection('محمد Clinic')).toBe('rtl');
    expect(baseDirection('2026 — 2028')).toBe('ltr');
  });

  it('orders runs as browsers do', () => {
    expect(visual('abc')).toBe('abc');
    expect(visual('אבג')).toBe('גבא');
    expect(visual('abc אבג def')).toBe('abc גבא def');
    // Numbers keep their digits left to right inside right-to-left text, and follow it.
    expect(visual('abc אבג 123')).toBe('abc 123 גבא');
    expect(visual('אבג 123 abc')).toBe('abc 123 גבא');
    // Trailing spaces stay at the paragraph's end: the left, in right-to-left text.
    expect(visual('אבג ')).toBe(' גבא');
    expect(visual('abc ')).toBe('abc ');
  });

  it('treats Arabic marks as part of their letter', () => {
    const chars = [...'مُحَمَّد'];
    expect(new Set(bidiLevels(chars, 'rtl'))).toEqual(new Set([1]));
  });
});

describe('CJK font subsets', () => {
  it('finds the @fontsource subset file holding a character, by binary search over its unicode-range', async () => {
    const ranges = new CjkRanges(await nodePdfFonts().cjkRanges('sc'));
    const subset = ranges.subsetFor('王'.codePointAt(0)!);
    expect(subset).toMatch(/^\[\d+\]$/);
    expect(cjkFileName('sc', subset!, 700)).toMatch(/^noto-sans-sc-\d+-700-normal\.woff$/);
    expect(ranges.subsetFor(0x10ffff)).toBeUndefined();
  });

  it('prefers Japanese for text with kana and Korean for Hangul', () => {
    expect(cjkPreference('さくら')).toBe('jp');
    expect(cjkPreference('김민준')).toBe('kr');
    expect(cjkPreference('王秀英')).toBeUndefined();
  });
});
