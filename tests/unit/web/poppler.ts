// Poppler's command-line tools (poppler-utils), run on a PDF in memory: what a reader or a search
// index gets from the certificate, where its text sits, and what it looks like.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function withFile<T>(bytes: Uint8Array, use: (path: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'certificate-pdf-'));
  try {
    const path = join(dir, 'certificate.pdf');
    writeFileSync(path, bytes);
    return use(path);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const run = (tool: string, args: string[]) => execFileSync(tool, args, { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });

/** Bidi marks pdftotext puts around right-to-left text (U+202B … U+202C), which are not part of the text. */
const BIDI_MARKS = /[\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** The text of the PDF as pdftotext gives it (reading order), bidi marks removed. */
export const pdfText = (bytes: Uint8Array, ...options: string[]) =>
  withFile(bytes, (path) => run('pdftotext', [...options, path, '-'])).replace(BIDI_MARKS, '');

/** The lines of the text, trimmed, empty ones dropped. */
export const pdfLines = (bytes: Uint8Array, ...options: string[]) =>
  pdfText(bytes, ...options)
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

export interface Box {
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  text: string;
}

const number = (attributes: string, name: string) => Number(new RegExp(`${name}="([-0-9.]+)"`).exec(attributes)![1]);
const decode = (text: string) =>
  text.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&apos;', "'").replaceAll('&amp;', '&');

/**
 * Word and line boxes from `pdftotext -bbox-layout` (points, y from the top of the page), and the
 * page size. `horizontalOnly` passes -nodiag, leaving out diagonal text (the watermark).
 */
export function textBoxes(bytes: Uint8Array, horizontalOnly = false) {
  const xhtml = withFile(bytes, (path) => run('pdftotext', ['-bbox-layout', ...(horizontalOnly ? ['-nodiag'] : []), path, '-']));
  const page = /<page width="([0-9.]+)" height="([0-9.]+)">/.exec(xhtml)!;
  const lines: Box[] = [];
  const words: Box[] = [];
  for (const line of xhtml.matchAll(/<line ([^>]*)>([\s\S]*?)<\/line>/g)) {
    const lineWords = [...line[2].matchAll(/<word ([^>]*)>([^<]*)<\/word>/g)].map((word) => ({
      xMin: number(word[1], 'xMin'),
      yMin: number(word[1], 'yMin'),
      xMax: number(word[1], 'xMax'),
      yMax: number(word[1], 'yMax'),
      text: decode(word[2]),
    }));
    words.push(...lineWords);
    lines.push({
      xMin: number(line[1], 'xMin'),
      yMin: number(line[1], 'yMin'),
      xMax: number(line[1], 'xMax'),
      yMax: number(line[1], 'yMax'),
      text: lineWords.map((word) => word.text).join(' '),
    });
  }
  return { width: Number(page[1]), height: Number(page[2]), lines, words, pages: [...xhtml.matchAll(/<page /g)].length };
}

/** Pairs of boxes whose areas intersect (touching edges do not count). */
export function overlaps(boxes: Box[], tolerance = 0.01): [Box, Box][] {
  const found: [Box, Box][] = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, b] = [boxes[i], boxes[j]];
      const width = Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin);
      const height = Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin);
      if (width > tolerance && height > tolerance) found.push([a, b]);
    }
  }
  return found;
}

/** Boxes that reach outside the page less its margin. */
export const outside = (boxes: Box[], page: { width: number; height: number }, margin: number, tolerance = 0.01) =>
  boxes.filter(
    (box) =>
      box.xMin < margin - tolerance ||
      box.yMin < margin - tolerance ||
      box.xMax > page.width - margin + tolerance ||
      box.yMax > page.height - margin + tolerance,
  );

/** Renders every page to `<dir>/<name>-<page>.png` (pdftoppm -png -r 60) and returns the files. */
export function renderPng(bytes: Uint8Array, dir: string, name: string, resolution = 60): string[] {
  writeFileSync(join(dir, `${name}.pdf`), bytes);
  run('pdftoppm', ['-png', '-r', String(resolution), join(dir, `${name}.pdf`), join(dir, name)]);
  return readdirSync(dir)
    .filter((file) => file.startsWith(`${name}-`) && file.endsWith('.png'))
    .map((file) => join(dir, file));
}

/** Fonts as pdffonts lists them: name, type, embedded, has a ToUnicode map. */
export const pdfFonts = (bytes: Uint8Array) =>
  withFile(bytes, (path) => run('pdffonts', [path]))
    .split('\n')
    .slice(2)
    .filter(Boolean)
    .map((line) => {
      const columns = line.trim().split(/\s+/);
      return { name: columns[0], embedded: columns.at(-5) === 'yes', unicode: columns.at(-3) === 'yes' };
    });

/** The document information dictionary as pdfinfo reads it. */
export const pdfInfo = (bytes: Uint8Array) =>
  Object.fromEntries(
    withFile(bytes, (path) => run('pdfinfo', [path]))
      .split('\n')
      .filter((line) => line.includes(':'))
      .map((line) => [line.slice(0, line.indexOf(':')).trim(), line.slice(line.indexOf(':') + 1).trim()]),
  );
