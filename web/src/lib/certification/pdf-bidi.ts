// Right-to-left text on the printable certificate: which way each piece of a line runs and in
// what order the pieces sit, after the Unicode Bidirectional Algorithm (UAX #9) for one paragraph
// without explicit embeddings (names and titles never carry them: the API refuses bidi controls).

export type Direction = 'ltr' | 'rtl';
type BidiClass = 'L' | 'R' | 'AL' | 'EN' | 'AN' | 'ES' | 'ET' | 'CS' | 'NSM' | 'WS' | 'ON';

const ARABIC_LETTERS = /[\u0600-\u065F\u066A-\u06EF\u06FA-\u07BF\u0860-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/u;
const HEBREW_AND_OTHER_RTL = /[\u0590-\u05FF\u07C0-\u085F\uFB1D-\uFB4F]|[\u{10800}-\u{10FFF}\u{1E800}-\u{1EFFF}]/u;
const MARK = /\p{M}/u;
const LETTER = /[\p{L}\p{N}]/u;

function bidiClass(char: string): BidiClass {
  const code = char.codePointAt(0)!;
  if (code >= 0x30 && code <= 0x39) return 'EN';
  if (code >= 0x0660 && code <= 0x0669) return 'AN';
  if (code >= 0x06f0 && code <= 0x06f9) return 'EN';
  if (MARK.test(char)) return 'NSM';
  if (ARABIC_LETTERS.test(char)) return 'AL';
  if (HEBREW_AND_OTHER_RTL.test(char)) return 'R';
  if (char === '+' || char === '-' || char === '\u2212') return 'ES';
  if (/[#$%°±\u00A2-\u00A5\u2030-\u2034\u20A0-\u20CF]/u.test(char)) return 'ET';
  if (/[,.:/\u00A0]/u.test(char)) return 'CS';
  if (/\s/u.test(char)) return 'WS';
  if (LETTER.test(char)) return 'L';
  return 'ON';
}

/** The direction a paragraph takes from its first strong character (rules P2, P3); left to right when it has none. */
export function baseDirection(text: string): Direction {
  for (const char of text) {
    const type = bidiClass(char);
    if (type === 'L') return 'ltr';
    if (type === 'R' || type === 'AL') return 'rtl';
  }
  return 'ltr';
}

/** Whether the text has any right-to-left letter (most lines have none, and skip the algorithm). */
export const hasRtl = (text: string) => ARABIC_LETTERS.test(text) || HEBREW_AND_OTHER_RTL.test(text);

/** The embedding level of every code point of one line (rules W1–W7, N1–N2, I1–I2, L1). */
export function bidiLevels(chars: string[], base: Direction): number[] {
  const level = base === 'rtl' ? 1 : 0;
  const sos: BidiClass = base === 'rtl' ? 'R' : 'L';
  const types = chars.map(bidiClass);
  const original = [...types];
  const count = types.length;

  // W1: a mark takes the type of what it follows.
  for (let i = 0; i < count; i++) if (types[i] === 'NSM') types[i] = i === 0 ? sos : types[i - 1];
  // W2: European digits after Arabic letters are Arabic numbers. W3: Arabic letters are R.
  let strong: BidiClass = sos;
  for (let i = 0; i < count; i++) {
    if (types[i] === 'L' || types[i] === 'R' || types[i] === 'AL') strong = types[i];
    else if (types[i] === 'EN' && strong === 'AL') types[i] = 'AN';
  }
  for (let i = 0; i < count; i++) if (types[i] === 'AL') types[i] = 'R';
  // W4: one separator between two numbers of the same kind joins them.
  for (let i = 1; i < count - 1; i++) {
    if (types[i] === 'ES' && types[i - 1] === 'EN' && types[i + 1] === 'EN') types[i] = 'EN';
    else if (types[i] === 'CS' && (types[i - 1] === 'EN' || types[i - 1] === 'AN') && types[i + 1] === types[i - 1])
      types[i] = types[i - 1];
  }
  // W5: terminators next to European numbers are part of them.
  for (let i = 0; i < count; i++) {
    if (types[i] !== 'ET') continue;
    let end = i;
    while (end < count && types[end] === 'ET') end++;
    if ((i > 0 && types[i - 1] === 'EN') || (end < count && types[end] === 'EN')) for (let j = i; j < end; j++) types[j] = 'EN';
    i = end - 1;
  }
  // W6: other separators and terminators are neutral. W7: European numbers after L are L.
  for (let i = 0; i < count; i++) if (types[i] === 'ES' || types[i] === 'ET' || types[i] === 'CS') types[i] = 'ON';
  strong = sos;
  for (let i = 0; i < count; i++) {
    if (types[i] === 'L' || types[i] === 'R') strong = types[i];
    else if (types[i] === 'EN' && strong === 'L') types[i] = 'L';
  }
  // N1, N2: neutrals between text of one direction take it (numbers count as R); others the paragraph's.
  const direction = (type: BidiClass) => (type === 'L' ? 'L' : type === 'R' || type === 'EN' || type === 'AN' ? 'R' : null);
  for (let i = 0; i < count; i++) {
    if (types[i] !== 'WS' && types[i] !== 'ON') continue;
    let end = i;
    while (end < count && (types[end] === 'WS' || types[end] === 'ON')) end++;
    const before = i === 0 ? sos : direction(types[i - 1]);
    const after = end === count ? sos : direction(types[end]);
    const resolved = before === after && before ? before : sos;
    for (let j = i; j < end; j++) types[j] = resolved;
    i = end - 1;
  }
  // I1, I2: resolved levels.
  const levels = types.map((type) =>
    level === 0 ? (type === 'R' ? 1 : type === 'AN' || type === 'EN' ? 2 : 0) : type === 'L' || type === 'EN' || type === 'AN' ? 2 : 1,
  );
  // L1: whitespace at the end of the line returns to the paragraph level.
  for (let i = count - 1; i >= 0 && (original[i] === 'WS' || original[i] === 'NSM'); i--) levels[i] = level;
  return levels;
}

/**
 * Visual order (left to right) of items with levels (rule L2): from the highest level down to
 * the lowest odd one, every run at that level or higher is reversed.
 */
export function visualOrder<T>(items: T[], levels: number[]): T[] {
  const order = items.map((_item, index) => index);
  const highest = Math.max(0, ...levels);
  const lowestOdd = Math.min(...levels.filter((value) => value % 2 === 1), highest + 1);
  for (let at = highest; at >= lowestOdd; at--) {
    for (let i = 0; i < order.length; i++) {
      if (levels[order[i]] < at) continue;
      let end = i;
      while (end < order.length && levels[order[end]] >= at) end++;
      order.splice(i, end - i, ...order.slice(i, end).reverse());
      i = end;
    }
  }
  return order.map((index) => items[index]);
}

const MIRRORED: Record<string, string> = {
  '(': ')',
  ')': '(',
  '[': ']',
  ']': '[',
  '{': '}',
  '}': '{',
  '<': '>',
  '>': '<',
  '«': '»',
  '»': '«',
  '‹': '›',
  '›': '‹',
};

/** Rule L4: in right-to-left text, brackets and guillemets show their mirror image. */
export const mirror = (text: string) => text.replace(/[()[\]{}<>«»‹›]/g, (char) => MIRRORED[char]);
