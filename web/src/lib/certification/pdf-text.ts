// Typesetting for the printable certificate: picks a font for every character (DejaVu Sans, or a
// Noto Sans CJK subset fetched only when the text needs it), runs right-to-left text the right way
// (fontkit shapes Arabic; pdf-bidi orders the runs), measures, shrinks and wraps blocks of text so
// nothing runs off the page, and draws them as real, extractable text.
import fontkit from '@pdf-lib/fontkit';
import type { Color, PDFDocument, PDFFont, PDFPage } from 'pdf-lib';
import { baseDirection, bidiLevels, hasRtl, mirror, visualOrder, type Direction } from './pdf-bidi';
import { CJK_LANGUAGES, CjkRanges, cjkPreference, isCjk, type CjkLanguage, type FontWeight, type PdfFonts } from './pdf-fonts';

/** A text the certificate will draw, declared before fonts load so the right CJK subsets are fetched. */
export interface TextNeed {
  text: string;
  weight: FontWeight;
}

interface Face {
  font: PDFFont;
  characters: Set<number>;
  /** Above and below the baseline, per point of size (what text extraction takes as the line's box). */
  ascent: number;
  descent: number;
}

/** A piece of a line in one font, in the order it is drawn (left to right). */
interface Span {
  text: string;
  face: Face;
  width: number;
}

export interface Line {
  spans: Span[];
  width: number;
  ascent: number;
  descent: number;
}

export type Align = 'left' | 'center' | 'right';

export interface TextStyle {
  weight: FontWeight;
  /** The size a short text gets. */
  size: number;
  /** A long text shrinks down to this size on one line before it wraps. */
  minSize?: number;
  /** Wrapped text starts at this size (default: minSize) and may shrink to minSize. */
  wrapSize?: number;
  color: Color;
  align?: Align;
  /** Space between wrapped lines, as a fraction of the size. */
  leading?: number;
}

/** A measured block of text: its lines at one size, and how tall it is. */
export interface TextBlock {
  lines: Line[];
  size: number;
  width: number;
  height: number;
  style: TextStyle;
  /** Draws the block with its top at `top`, inside the box [left, left + width]. */
  draw(page: PDFPage, left: number, top: number, boxWidth: number): void;
}

const SPACE = /^\s+$/u;
/** Break opportunities: spaces, and between CJK characters (written without spaces). */
const TOKENS =
  /\s+|[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF\u{20000}-\u{3FFFF}]|[^\s\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF\u{20000}-\u{3FFFF}]+/gu;
const MARK = /\p{M}/u;

/** What the certificate reads from a font fontkit parsed (metrics, coverage, and a trial subset). */
interface ParsedFont {
  ascent: number;
  descent: number;
  unitsPerEm: number;
  characterSet: number[];
  hasGlyphForCodePoint(code: number): boolean;
  layout(text: string): { glyphs: unknown[] };
  createSubset(): {
    includeGlyph(glyph: unknown): number;
    encodeStream(): { on(event: string, listener: (value?: unknown) => void): unknown };
  };
}

/** Parses a font, or undefined when fontkit cannot (one @fontsource subset file has no cmap table fontkit reads). */
function parse(bytes: Uint8Array): ParsedFont | undefined {
  try {
    const font = fontkit.create(bytes) as unknown as ParsedFont;
    void font.characterSet.length;
    return font;
  } catch {
    return undefined;
  }
}

/**
 * Whether a font draws these characters and subsets them: fontkit's subsetter fails on a few glyphs
 * of a few subset files (U+2002 in noto-sans-jp-74), and pdf-lib would only find out in save().
 */
async function subsets(font: ParsedFont, chars: string[]): Promise<boolean> {
  if (!chars.every((char) => font.hasGlyphForCodePoint(char.codePointAt(0)!))) return false;
  try {
    const subset = font.createSubset();
    for (const glyph of font.layout(chars.join('')).glyphs) subset.includeGlyph(glyph);
    const stream = subset.encodeStream();
    await new Promise((resolve, reject) => {
      stream.on('data', () => {});
      stream.on('end', resolve);
      stream.on('error', reject);
    });
    return true;
  } catch {
    return false;
  }
}

/** Embeds a parsed font as a subset (pdf-lib gets this very fontkit font) and reads the metrics pdf-lib writes into its descriptor. */
async function embed(doc: PDFDocument, bytes: Uint8Array, parsed: ParsedFont): Promise<Face> {
  doc.registerFontkit({ create: () => parsed as never });
  const font = await doc.embedFont(bytes, { subset: true });
  return {
    font,
    characters: new Set(parsed.characterSet),
    ascent: parsed.ascent / parsed.unitsPerEm,
    descent: -parsed.descent / parsed.unitsPerEm,
  };
}

async function embedBase(doc: PDFDocument, bytes: Uint8Array): Promise<Face> {
  const parsed = parse(bytes);
  if (!parsed) throw new Error('DejaVu Sans could not be read');
  return embed(doc, bytes, parsed);
}

export class Typesetter {
  private readonly widths = new Map<Face, Map<string, number>>();
  private readonly cjkChoice = new Map<string, Face>();
  private documentPreference: CjkLanguage | undefined;

  private constructor(private readonly base: Record<FontWeight, Face>) {}

  /**
   * Embeds DejaVu Sans (both weights) and the Noto Sans CJK subsets the declared texts need, and
   * only those: a certificate in Latin letters fetches no CJK data at all.
   */
  static async create(doc: PDFDocument, fonts: PdfFonts, needs: TextNeed[]): Promise<Typesetter> {
    const [regular, bold] = await Promise.all([fonts.base(400), fonts.base(700)]);
    const typesetter = new Typesetter({
      400: await embedBase(doc, regular),
      700: await embedBase(doc, bold),
    });
    await typesetter.loadCjk(doc, fonts, needs);
    return typesetter;
  }

  private async loadCjk(doc: PDFDocument, fonts: PdfFonts, needs: TextNeed[]) {
    this.documentPreference = needs.map((need) => cjkPreference(need.text)).find(Boolean);
    const ranges = new Map<CjkLanguage, Promise<CjkRanges>>();
    const rangesOf = (language: CjkLanguage) => {
      if (!ranges.has(language))
        ranges.set(
          language,
          fonts.cjkRanges(language).then((list) => new CjkRanges(list)),
        );
      return ranges.get(language)!;
    };
    // Every character that needs a CJK font, once per weight and preferred language.
    const pending = new Map<string, { code: number; weight: FontWeight; preference: CjkLanguage }>();
    for (const { text, weight } of needs) {
      const preference = this.preferenceFor(text);
      for (const char of text) {
        const code = char.codePointAt(0)!;
        if (this.needsCjk(code, weight)) pending.set(this.choiceKey(code, weight, preference), { code, weight, preference });
      }
    }
    // The subset file each comes from: the preferred language first, then the others; a file
    // fontkit cannot read or subset is passed over for the next language's.
    const unusable = new Set<string>();
    for (let round = 0; round < CJK_LANGUAGES.length && pending.size; round++) {
      const wanted = new Map<string, { language: CjkLanguage; subset: string; weight: FontWeight; keys: string[]; chars: string[] }>();
      for (const [key, { code, weight, preference }] of pending) {
        for (const language of this.languages(preference)) {
          const subset = (await rangesOf(language)).subsetFor(code);
          const fileKey = `${language}/${subset}/${weight}`;
          if (!subset || unusable.has(fileKey)) continue;
          const file = wanted.get(fileKey) ?? { language, subset, weight, keys: [], chars: [] };
          file.keys.push(key);
          file.chars.push(String.fromCodePoint(code));
          wanted.set(fileKey, file);
          break;
        }
      }
      if (!wanted.size) break;
      const files = [...wanted.entries()];
      const bytes = await Promise.all(files.map(([, file]) => fonts.cjkSubset(file.language, file.subset, file.weight)));
      for (const [index, [fileKey, file]] of files.entries()) {
        const parsed = parse(bytes[index]);
        if (!parsed || !(await subsets(parsed, file.chars))) {
          unusable.add(fileKey);
          continue;
        }
        const face = await embed(doc, bytes[index], parsed);
        for (const key of file.keys) {
          this.cjkChoice.set(key, face);
          pending.delete(key);
        }
      }
    }
    // Anything left has no font here: it prints as DejaVu's missing-glyph box, never as "?".
  }

  private preferenceFor(text: string): CjkLanguage {
    return cjkPreference(text) ?? this.documentPreference ?? 'sc';
  }

  private languages(preference: CjkLanguage) {
    return [preference, ...CJK_LANGUAGES.filter((language) => language !== preference)];
  }

  private choiceKey(code: number, weight: FontWeight, preference: CjkLanguage) {
    return `${code}/${weight}/${preference}`;
  }

  private needsCjk(code: number, weight: FontWeight) {
    return (
      isCjk(code) || (!this.base[weight].characters.has(code) && !this.base[weight === 400 ? 700 : 400].characters.has(code) && code > 0x7f)
    );
  }

  /** The face for one character: a CJK subset when one was loaded for it, else DejaVu (bold falls back to regular). */
  private faceFor(code: number, weight: FontWeight, preference: CjkLanguage): Face {
    const cjk = this.needsCjk(code, weight) ? this.cjkChoice.get(this.choiceKey(code, weight, preference)) : undefined;
    if (cjk) return cjk;
    const own = this.base[weight];
    if (own.characters.has(code)) return own;
    const other = this.base[weight === 400 ? 700 : 400];
    return other.characters.has(code) ? other : own;
  }

  private widthOf(face: Face, text: string): number {
    let cache = this.widths.get(face);
    if (!cache) this.widths.set(face, (cache = new Map()));
    let width = cache.get(text);
    if (width === undefined) cache.set(text, (width = face.font.widthOfTextAtSize(text, 1)));
    return width;
  }

  /**
   * One line, laid out: runs of one font and one direction, in visual order, with their widths at
   * size 1. Right-to-left runs that hold Arabic or Hebrew letters are shaped and reversed by fontkit;
   * others at an odd level (neutral characters between them) are reversed here.
   */
  line(text: string, weight: FontWeight, base: Direction = baseDirection(text), preference = this.preferenceFor(text)): Line {
    const chars = [...text];
    const levels = hasRtl(text) || base === 'rtl' ? bidiLevels(chars, base) : chars.map(() => 0);
    const faces: Face[] = [];
    chars.forEach((char, index) => {
      const code = char.codePointAt(0)!;
      const previous = faces[index - 1];
      faces.push(MARK.test(char) && previous?.characters.has(code) ? previous : this.faceFor(code, weight, preference));
    });
    const runs: { chars: string[]; face: Face; level: number }[] = [];
    chars.forEach((char, index) => {
      const last = runs.at(-1);
      if (last && last.face === faces[index] && last.level === levels[index]) last.chars.push(char);
      else runs.push({ chars: [char], face: faces[index], level: levels[index] });
    });
    const spans = visualOrder(
      runs,
      runs.map((run) => run.level),
    ).map(({ chars: runChars, face, level }) => {
      const logical = runChars.join('');
      const drawn = level % 2 === 0 ? logical : hasRtl(logical) ? mirror(logical) : mirror([...runChars].reverse().join(''));
      return { text: drawn, face, width: this.widthOf(face, drawn) };
    });
    const used = spans.filter((span) => !SPACE.test(span.text));
    const metrics = used.length ? used : spans;
    return {
      spans,
      width: spans.reduce((total, span) => total + span.width, 0),
      ascent: Math.max(0, ...metrics.map((span) => span.face.ascent)),
      descent: Math.max(0, ...metrics.map((span) => span.face.descent)),
    };
  }

  /** Width at size 1 of a line of text. */
  measure(text: string, weight: FontWeight): number {
    return this.line(text, weight).width;
  }

  /**
   * Breaks text into lines no wider than maxWidth at a size: at spaces and between CJK characters,
   * and inside a word only when the word alone is too wide (never clipped).
   */
  wrap(text: string, weight: FontWeight, size: number, maxWidth: number): string[] {
    const limit = maxWidth / size;
    const tokens = text.match(TOKENS) ?? [];
    const lines: string[] = [];
    let current = '';
    let currentWidth = 0;
    let pendingSpace = '';
    const push = () => {
      if (current) lines.push(current);
      current = '';
      currentWidth = 0;
      pendingSpace = '';
    };
    for (const token of tokens) {
      if (SPACE.test(token)) {
        if (current) pendingSpace = ' ';
        continue;
      }
      const tokenWidth = this.measure(token, weight);
      const joined = currentWidth + (pendingSpace ? this.measure(' ', weight) : 0) + tokenWidth;
      if (current && joined <= limit) {
        current += pendingSpace + token;
        currentWidth = joined;
        pendingSpace = '';
        continue;
      }
      push();
      if (tokenWidth <= limit) {
        current = token;
        currentWidth = tokenWidth;
        continue;
      }
      // A word wider than the line: break it between characters (marks stay with their letter).
      let piece = '';
      for (const char of token) {
        if (piece && !MARK.test(char) && this.measure(piece + char, weight) > limit) {
          lines.push(piece);
          piece = '';
        }
        piece += char;
      }
      current = piece;
      currentWidth = this.measure(piece, weight);
    }
    push();
    return lines.length ? lines : [''];
  }

  /**
   * Fits text into a width: one line, shrinking from style.size to style.minSize; if it still does
   * not fit, the fewest wrapped lines at the largest size from wrapSize down to minSize.
   */
  block(text: string, style: TextStyle, maxWidth: number, scale = 1): TextBlock {
    const size = style.size * scale;
    const minSize = (style.minSize ?? style.size) * scale;
    const wrapSize = (style.wrapSize ?? style.minSize ?? style.size) * scale;
    const single = this.measure(text, style.weight);
    let chosen: { size: number; lines: string[] } | undefined;
    for (let trial = size; trial >= minSize - 1e-6; trial -= 0.25) {
      if (single * trial <= maxWidth) {
        chosen = { size: trial, lines: [text] };
        break;
      }
    }
    for (let count = 2; !chosen; count++) {
      for (let trial = wrapSize; trial >= minSize - 1e-6; trial -= 0.25) {
        const lines = this.wrap(text, style.weight, trial, maxWidth);
        if (lines.length <= count) {
          chosen = { size: trial, lines };
          break;
        }
      }
      if (!chosen && count > 40) chosen = { size: minSize, lines: this.wrap(text, style.weight, minSize, maxWidth) };
    }
    return this.layout(chosen.lines, style, chosen.size);
  }

  /** Lines at a size, stacked so that no line's box (ascent above, descent below) meets the next. */
  private layout(texts: string[], style: TextStyle, size: number): TextBlock {
    const direction = baseDirection(texts.join(' '));
    const lines = texts.map((text) => this.line(text, style.weight, direction));
    const gap = size * (style.leading ?? 0.18);
    const height = lines.reduce((total, line, index) => total + (line.ascent + line.descent) * size + (index ? gap : 0), 0);
    const width = Math.max(...lines.map((line) => line.width * size));
    return {
      lines,
      size,
      width,
      height,
      style,
      draw(page, left, top, boxWidth) {
        let y = top;
        for (const [index, line] of lines.entries()) {
          if (index) y -= gap;
          const baseline = y - line.ascent * size;
          const lineWidth = line.width * size;
          const align = style.align ?? 'left';
          let x = align === 'center' ? left + (boxWidth - lineWidth) / 2 : align === 'right' ? left + boxWidth - lineWidth : left;
          for (const span of line.spans) {
            if (!SPACE.test(span.text)) page.drawText(span.text, { x, y: baseline, size, font: span.face.font, color: style.color });
            x += span.width * size;
          }
          y = baseline - line.descent * size;
        }
      },
    };
  }
}
