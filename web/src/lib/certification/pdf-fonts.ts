// Where the printable certificate's fonts come from, and which font file holds which character.
//
// - DejaVu Sans (regular and bold, TTF) always: Latin, Greek, Cyrillic, Vietnamese, Arabic (with
//   its joining forms, shaped by fontkit), Hebrew, Armenian, Georgian and more.
// - Noto Sans SC, JP or KR (@fontsource's per-unicode-range WOFF subsets, a few dozen KB each)
//   only for the CJK characters a certificate holds: each file is fetched only when the text
//   needs one of its characters. WOFF, not WOFF2: fontkit's subsetter crashes on WOFF2.

export type FontWeight = 400 | 700;
export type CjkLanguage = 'sc' | 'jp' | 'kr';
export const CJK_LANGUAGES: readonly CjkLanguage[] = ['sc', 'jp', 'kr'];

/**
 * How certificatePdf gets font bytes: the browser fetches the assets Vite emits
 * (pdf-fonts-browser.ts), tests and benchmarks read the files from node_modules.
 */
export interface PdfFonts {
  /** DejaVu Sans (TTF) at a weight. */
  base(weight: FontWeight): Promise<Uint8Array>;
  /**
   * The unicode-range of each of a language's Noto Sans subsets, as @fontsource's unicode.json
   * holds them: `{ "[4]": "U+1f1e9-1f1f5,U+1f21a,…", … }`. Called only when some text needs CJK.
   */
  cjkRanges(language: CjkLanguage): Promise<Record<string, string>>;
  /** One Noto Sans subset file (WOFF), by its key in cjkRanges ("[4]" is noto-sans-sc-4-400-normal.woff). */
  cjkSubset(language: CjkLanguage, subset: string, weight: FontWeight): Promise<Uint8Array>;
}

/** The file name @fontsource gives a subset: `noto-sans-sc-4-700-normal.woff` for "[4]". */
export const cjkFileName = (language: CjkLanguage, subset: string, weight: FontWeight) =>
  `noto-sans-${language}-${subset.replace(/^\[|\]$/g, '')}-${weight}-normal.woff`;

/** Characters that should come from a CJK font even when DejaVu has a glyph (its CJK punctuation would not match). */
export const isCjk = (code: number) =>
  (code >= 0x1100 && code <= 0x11ff) || // Hangul Jamo
  (code >= 0x2e80 && code <= 0x303f) || // CJK radicals, ideographic description, CJK symbols and punctuation
  (code >= 0x3040 && code <= 0x33ff) || // kana, bopomofo, Hangul compatibility jamo, CJK enclosed and compatibility
  (code >= 0x3400 && code <= 0x4dbf) || // CJK extension A
  (code >= 0x4e00 && code <= 0x9fff) || // CJK unified ideographs
  (code >= 0xa960 && code <= 0xa97f) ||
  (code >= 0xac00 && code <= 0xd7ff) || // Hangul syllables and jamo extended B
  (code >= 0xf900 && code <= 0xfaff) || // CJK compatibility ideographs
  (code >= 0xfe30 && code <= 0xfe4f) ||
  (code >= 0xff00 && code <= 0xffef) || // half- and full-width forms
  (code >= 0x20000 && code <= 0x3ffff); // CJK extensions B and later

const KANA = /[\u3040-\u30FF\u31F0-\u31FF\uFF66-\uFF9F]/u;
const HANGUL = /[\u1100-\u11FF\u3130-\u318F\uA960-\uA97F\uAC00-\uD7FF]/u;

/**
 * Which CJK font a text prefers for its Han characters: Japanese if it has kana, Korean if it has
 * Hangul, else none (the caller falls back to the document's preference, then Simplified Chinese).
 */
export function cjkPreference(text: string): CjkLanguage | undefined {
  if (KANA.test(text)) return 'jp';
  if (HANGUL.test(text)) return 'kr';
  return undefined;
}

/** A language's subsets as sorted, non-overlapping code point ranges, for binary search. */
export class CjkRanges {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly subsets: string[] = [];

  constructor(ranges: Record<string, string>) {
    const all: [number, number, string][] = [];
    for (const [subset, list] of Object.entries(ranges)) {
      // Only the numbered subsets: DejaVu covers what the latin, cyrillic and vietnamese ones hold.
      if (!/^\[\d+\]$/.test(subset)) continue;
      for (const range of list.split(',')) {
        const match = /^\s*U\+([0-9a-f]+)(?:-([0-9a-f]+))?\s*$/i.exec(range);
        if (!match) continue;
        const start = parseInt(match[1], 16);
        all.push([start, match[2] ? parseInt(match[2], 16) : start, subset]);
      }
    }
    all.sort((a, b) => a[0] - b[0]);
    for (const [start, end, subset] of all) {
      this.starts.push(start);
      this.ends.push(end);
      this.subsets.push(subset);
    }
  }

  /** The subset holding a code point, if any. */
  subsetFor(code: number): string | undefined {
    let low = 0;
    let high = this.starts.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (code < this.starts[middle]) high = middle - 1;
      else if (code > this.ends[middle]) low = middle + 1;
      else return this.subsets[middle];
    }
    return undefined;
  }
}
