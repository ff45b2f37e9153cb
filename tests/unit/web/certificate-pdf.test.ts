import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  certificatePdf,
  notValidText,
  PAGE_MARGIN,
  statusWhenPrinted,
  type PrintableCertificate,
  type PrintStatus,
} from '../../../web/src/lib/certification/certificate-pdf';
import {
  longCertificate,
  PRINTED_AT,
  TEST_NAMES,
  typicalCertificate,
  VERIFY_URL,
  noScopeCertificate,
  verificationOnlyCertificate,
} from '../../support/pdf/fixtures';
import { nodePdfFonts } from '../../support/pdf/fonts-node';
import { outside, overlaps, pdfFonts, pdfInfo, pdfLines, pdfText, renderPng, textBoxes, type Box } from './poppler';

const NOT_VALID: Exclude<PrintStatus, 'valid'>[] = ['suspended', 'revoked', 'expired', 'superseded'];
const SINCE = '2027-03-03T14:30:00.000Z';

const make = (certificate: PrintableCertificate, fonts = nodePdfFonts()) => certificatePdf(certificate, VERIFY_URL, fonts, PRINTED_AT);
const flat = (text: string) => text.replace(/\s+/g, ' ');

/** The first word on the page with this text. */
const wordAt = (words: Box[], text: string) => words.find((word) => word.text === text)!;
/** The words level with the first word `first`, left to right: one row of the scope table. */
function scopeRow(words: Box[], first: string) {
  const start = wordAt(words, first);
  const right = wordAt(words, 'Modules').xMin;
  return words
    .filter((word) => Math.abs(word.yMax - start.yMax) < 0.5 && word.xMin < right)
    .sort((a, b) => a.xMin - b.xMin)
    .map((word) => word.text)
    .join(' ');
}

// Every variant is rendered to PNG for a person to look at: kept in CERTIFICATE_PNG_DIR when set, else in a temp folder.
const pngDir = process.env.CERTIFICATE_PNG_DIR ?? mkdtempSync(join(tmpdir(), 'certificate-png-'));
mkdirSync(pngDir, { recursive: true });
afterAll(() => {
  if (!process.env.CERTIFICATE_PNG_DIR) rmSync(pngDir, { recursive: true, force: true });
});

/** Text lines do not overlap and all text stays inside the margins; the watermark (diagonal) stays inside them too. */
function expectLaidOut(bytes: Uint8Array) {
  const horizontal = textBoxes(bytes, true);
  expect(horizontal.pages).toBe(1);
  const describe = ([a, b]: [Box, Box]) => `"${a.text}" overlaps "${b.text}"`;
  expect(overlaps(horizontal.lines).map(describe)).toEqual([]);
  expect(overlaps(horizontal.words).map(describe)).toEqual([]);
  const all = textBoxes(bytes);
  expect(outside(all.words, all, PAGE_MARGIN).map((box) => box.text)).toEqual([]);
  expect(outside(all.lines, all, PAGE_MARGIN).map((box) => box.text)).toEqual([]);
  // -nodiag leaves out only the watermark: the horizontal text is all there.
  expect(horizontal.words.length).toBeGreaterThan(40);
}

describe('certificate PDF: a typical certificate', () => {
  const fonts = nodePdfFonts();
  let bytes: Uint8Array;
  let lines: string[];
  let text: string;
  beforeAll(async () => {
    bytes = await make(typicalCertificate, fonts);
    lines = pdfLines(bytes);
    text = flat(pdfText(bytes));
  });

  it('is one A4 portrait page with title, subject, creator and language', async () => {
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-');
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getPageCount()).toBe(1);
    const { width, height } = pdf.getPage(0).getSize();
    expect([Math.round(width), Math.round(height)]).toEqual([595, 842]);
    const info = pdfInfo(bytes);
    expect(info.Title).toBe('CIT Academy certificate CIT-7K3M-Q9XD-2PWA');
    expect(info.Subject).toBe('Collagen induction therapy (microneedling) practitioner: Zoë O’Connor');
    expect(info.Creator).toBe('CIT Academy');
    expect(info['Page size']).toContain('(A4)');
  });

  it('gives back every key line as text', () => {
    for (const line of [
      'CIT Academy',
      'Certificate of competence',
      'This certifies that',
      'Zoë O’Connor',
      'Harbour Skin Clinic',
      'Collagen induction therapy (microneedling) practitioner',
      'Valid until 24 November 2028',
      'Valid when this copy was printed on 1 June 2027',
      'Scope of practice',
      'Modules passed',
      'Sam Okafor',
      'Clinical supervisor, Harbour Skin Clinic',
      'Signed electronically for CIT Academy',
      '24 November 2026',
      'Date of issue',
      'Certificate code',
      'CIT-7K3M-Q9XD-2PWA',
      VERIFY_URL,
      'Printed 1 June 2027',
    ])
      expect(lines).toContain(line);
    expect(text).toContain(
      'after passing every module of the course and being observed performing 3 procedures rated satisfactory in every domain.',
    );
    expect(text).toContain(
      'This PDF is a copy. The verification page is the authority on whether the certificate is valid today: scan the QR code or go to',
    );
    expect(text).not.toContain('NOT VALID');
  });

  it('prints the scope as two equal columns, on their own and with a supervisor present (a dash where not allowed alone)', () => {
    const { words } = textBoxes(bytes, true);
    // The column heads, the longest wrapped, on one baseline.
    expect(scopeRow(words, 'Treatment')).toMatch(/^Treatment area On their own (With a supervisor )?present$/);
    for (const head of ['Treatment area', 'On their own', 'With a supervisor present']) expect(text).toContain(head);
    expect(scopeRow(words, 'Face')).toBe('Face up to 1.0 mm up to 1.0 mm');
    expect(scopeRow(words, 'Neck')).toBe('Neck — up to 0.5 mm');
    // The acne scars' label wraps; its limits sit on its first line.
    expect(scopeRow(words, 'Atrophic')).toMatch(/^Atrophic acne .*up to 1\.0 mm up to 1\.5 mm$/);
    expect(text).toContain('Atrophic acne scars on the cheeks');
    // No supervised maximum standing alone as "the" depth, and no small print under the label.
    expect(text).not.toMatch(/Maximum depth|deeper with a supervisor|May treat unsupervised|Only with a supervisor present/);
    // Both limits in the same size, each under its own column head.
    const limits = words.filter((word) => word.text === 'up');
    expect(limits).toHaveLength(5);
    expect(new Set(limits.map((word) => (word.yMax - word.yMin).toFixed(2))).size).toBe(1);
    const [alone, supervised] = [wordAt(words, 'On'), wordAt(words, 'With')];
    for (const word of [...limits, wordAt(words, '—')])
      expect(
        [alone.xMin, supervised.xMin].some((left) => Math.abs(left - word.xMin) < 0.5),
        word.text,
      ).toBe(true);
  });

  it('prints every module with the date it was passed', () => {
    for (const [index, module] of typicalCertificate.modules.entries())
      expect(text).toContain(`${module.title} ${10 + index} November 2026`);
  });

  it('embeds its fonts with a Unicode map (real text), and reads no CJK font for Latin text', () => {
    const embedded = pdfFonts(bytes);
    expect(embedded.map((font) => font.name.replace(/-\d+$/, '')).sort()).toEqual(['DejaVuSans', 'DejaVuSans-Bold']);
    expect(embedded.every((font) => font.embedded && font.unicode)).toBe(true);
    expect(fonts.reads.filter((path) => path.includes('@fontsource'))).toEqual([]);
  });

  it('is laid out inside the margins with no overlapping lines', () => expectLaidOut(bytes));

  it('renders to PNG', () => {
    const [png] = renderPng(bytes, pngDir, 'typical');
    expect(statSync(png).size).toBeGreaterThan(10_000);
  });
});

describe('certificate PDF: any name prints correctly', () => {
  it.each(TEST_NAMES.map((name) => [name]))('%s', async (name) => {
    const fonts = nodePdfFonts();
    const bytes = await make({ ...typicalCertificate, holderName: name, signatory: { ...typicalCertificate.signatory, name } }, fonts);
    const lines = pdfLines(bytes);
    expect(lines).toContain(name);
    expect(lines.filter((line) => line === name)).toHaveLength(2); // the holder and the signatory
    expect(pdfText(bytes)).not.toContain('\uFFFD');
    expectLaidOut(bytes);
    // CJK comes from the few Noto Sans subset files that hold these characters, fetched only for them.
    const cjkFiles = fonts.reads.filter((path) => path.endsWith('.woff'));
    if (/[\u3040-\u9FFF\uAC00-\uD7AF]/u.test(name)) {
      expect(cjkFiles.length).toBeGreaterThan(0);
      expect(cjkFiles.length).toBeLessThanOrEqual(2 * [...name].length);
    } else expect(cjkFiles).toEqual([]);
    expect(statSync(renderPng(bytes, pngDir, `name-${TEST_NAMES.indexOf(name as never)}`)[0]).size).toBeGreaterThan(10_000);
  });

  it('picks the Japanese font for Han characters when kana say the text is Japanese, the Korean one for Hangul', async () => {
    const fonts = nodePdfFonts();
    await make({ ...typicalCertificate, holderName: '山田 花子', organisationName: 'さくら美容クリニック' }, fonts);
    expect(fonts.reads.filter((path) => path.endsWith('.woff')).every((path) => path.includes('noto-sans-jp'))).toBe(true);
    const korean = nodePdfFonts();
    await make({ ...typicalCertificate, holderName: '김민준' }, korean);
    expect(korean.reads.filter((path) => path.endsWith('.woff')).every((path) => path.includes('noto-sans-kr'))).toBe(true);
  });

  it('passes over a subset file fontkit cannot read for the next language that has the character', async () => {
    // 倚 sits in noto-sans-sc-101, whose cmap fontkit cannot read; the Japanese font has it.
    const fonts = nodePdfFonts();
    const bytes = await make({ ...typicalCertificate, holderName: '陈倚天' }, fonts);
    expect(pdfLines(bytes)).toContain('陈倚天');
    expect(fonts.reads.some((path) => path.includes('noto-sans-jp'))).toBe(true);
    // The same when a file is damaged in transit: another language's file is used, never a broken PDF.
    const damaged = nodePdfFonts();
    const bytesWithDamage = await make(
      { ...typicalCertificate, holderName: '王秀英' },
      {
        ...damaged,
        cjkSubset: async (language, subset, weight) =>
          language === 'sc' ? new Uint8Array(64) : damaged.cjkSubset(language, subset, weight),
      },
    );
    expect(pdfLines(bytesWithDamage)).toContain('王秀英');
  });

  it('still prints when a script has no font here (Thai prints as missing-glyph boxes, the rest as usual)', async () => {
    const bytes = await make({ ...typicalCertificate, holderName: 'สมชาย ใจดี' });
    expect(pdfLines(bytes)).toContain('CIT-7K3M-Q9XD-2PWA');
    expectLaidOut(bytes);
  });

  it('runs Arabic right to left inside a left-to-right line, digits left to right at its end (as browsers show it)', async () => {
    const bytes = await make({ ...typicalCertificate, organisationName: 'Clinic محمد عبد الله 24', holderName: 'محمد عبد الله' });
    const line = textBoxes(bytes, true).lines.find((candidate) => candidate.text.startsWith('Clinic'))!;
    // pdftotext spells each word's letters in page order (left to right): reversed, an Arabic word reads as written.
    const words = line.text.split(' ').map((word) => (/[\u0600-\u06FF]/u.test(word) ? [...word].reverse().join('') : word));
    // Logical "Clinic ‹محمد عبد الله 24›": the Arabic run, number included, reads right to left, so on the page
    // from the left: Clinic, 24, then the Arabic words last to first.
    expect(words).toEqual(['Clinic', '24', 'الله', 'عبد', 'محمد']);
    expect(pdfLines(bytes)).toContain('محمد عبد الله');
    expectLaidOut(bytes);
    renderPng(bytes, pngDir, 'mixed-direction');
  });
});

describe('certificate PDF: long text shrinks and wraps, never clipped', () => {
  let bytes: Uint8Array;
  let text: string;
  beforeAll(async () => {
    bytes = await make(longCertificate);
    text = flat(pdfText(bytes));
  });

  it('keeps every word of every long field on the one page', () => {
    for (const value of [
      longCertificate.holderName,
      longCertificate.organisationName!,
      longCertificate.qualification,
      longCertificate.signatory.role,
      'On their own',
      'With a supervisor present',
      ...longCertificate.scope!.areas.map((area) => area.label),
      ...longCertificate.modules.map((module) => module.title),
    ])
      expect(text).toContain(value);
  });

  it('is laid out inside the margins with no overlapping lines', () => expectLaidOut(bytes));

  it.each(NOT_VALID.map((status) => [status]))('is laid out when %s too (the watermark stays inside the margins)', async (status) => {
    const variant = await make({ ...longCertificate, status, statusSince: SINCE });
    expectLaidOut(variant);
    renderPng(variant, pngDir, `long-${status}`);
  });

  it('breaks a name with no spaces between letters rather than letting it run off the page', async () => {
    const variant = await make({ ...typicalCertificate, holderName: 'W'.repeat(120), organisationName: 'x'.repeat(120) });
    expect(flat(pdfText(variant)).replaceAll(' ', '')).toContain('W'.repeat(120));
    expectLaidOut(variant);
    renderPng(variant, pngDir, 'unbroken');
  });

  it('throws, rather than clipping, when even the smallest readable size cannot hold it', async () => {
    const modules = Array.from({ length: 80 }, (_unused, index) => ({
      title: `Module ${index + 1} with a long title`,
      passedAt: '2026-11-20',
    }));
    await expect(make({ ...longCertificate, modules })).rejects.toThrow(/does not fit on one page/);
  });

  it('renders to PNG', () => {
    expect(statSync(renderPng(bytes, pngDir, 'long')[0]).size).toBeGreaterThan(10_000);
  });
});

describe('certificate PDF: not valid when printed', () => {
  it.each(NOT_VALID.map((status) => [status]))('%s: watermark and status stated plainly, no "Valid until"', async (status) => {
    const bytes = await make({
      ...typicalCertificate,
      status,
      statusSince: status === 'expired' ? undefined : SINCE,
      expiresAt: status === 'expired' ? '2027-05-01T00:00:00.000Z' : typicalCertificate.expiresAt,
    });
    const text = flat(pdfText(bytes));
    const lines = pdfLines(bytes, '-nodiag');
    expect(lines).toContain(notValidText(status));
    expect(
      {
        suspended: 'Suspended since 3 March 2027.',
        revoked: 'Revoked on 3 March 2027.',
        superseded: 'Superseded on 3 March 2027 by a renewed certificate.',
        expired: 'Expired on 1 May 2027.',
      }[status],
    ).toSatisfy((sentence: string) => text.includes(sentence));
    expect(text).toContain('It was not valid when this copy was printed on 1 June 2027.');
    expect(text).not.toMatch(/valid until/i);
    // The scope is history, not what the holder may do today.
    expect(lines).toContain(status === 'suspended' ? 'Scope, not in force while suspended' : 'Scope when it was valid');
    expect(lines).not.toContain('Scope of practice');
    // The diagonal watermark is text too: pdftotext -raw gives its letters in order (one a line), besides the panel's heading.
    const raw = pdfText(bytes, '-raw').replace(/\s+/g, '');
    expect(raw.split(notValidText(status).replace(/\s+/g, '')).length - 1).toBe(2);
    expect(pdfInfo(bytes).Subject).toContain(`not valid: ${status}`);
    expectLaidOut(bytes);
    expect(statSync(renderPng(bytes, pngDir, `status-${status}`)[0]).size).toBeGreaterThan(10_000);
  });

  it('superseded: names the renewal and what became of it', async () => {
    const successor = { code: 'CIT-AAAA-BBBB-CCCC', status: 'revoked' as const };
    const bytes = await make({ ...typicalCertificate, status: 'superseded', statusSince: SINCE, successor });
    expect(flat(pdfText(bytes))).toContain('Superseded on 3 March 2027 by its renewal CIT-AAAA-BBBB-CCCC, which is revoked.');
    expectLaidOut(bytes);
    renderPng(bytes, pngDir, 'superseded-by-revoked');
  });

  it('prints a certificate past its expiry as expired even when told it is valid', async () => {
    expect(statusWhenPrinted({ status: 'valid', expiresAt: '2027-05-31T23:59:59.000Z' }, PRINTED_AT)).toBe('expired');
    expect(statusWhenPrinted({ status: 'valid', expiresAt: '2027-06-01' }, PRINTED_AT)).toBe('valid'); // valid through that day
    expect(statusWhenPrinted({ status: 'valid', expiresAt: '2027-05-31' }, PRINTED_AT)).toBe('expired');
    const text = flat(pdfText(await make({ ...typicalCertificate, expiresAt: '2027-05-31' })));
    expect(text).toContain('NOT VALID — EXPIRED');
    expect(text).toContain('Expired on 31 May 2027.');
    expect(text).not.toContain('Valid until');
  });
});

describe('certificate PDF: what it was issued on', () => {
  it('counts one observed procedure in the singular', async () => {
    expect(flat(pdfText(await make({ ...typicalCertificate, satisfactoryProcedures: 1 })))).toContain(
      'after passing every module of the course and being observed performing 1 procedure rated satisfactory in every domain.',
    );
  });

  it.each([
    [1, '1 recent observed procedure'],
    [2, '2 recent observed procedures'],
  ])('a renewal on %i procedure(s) says it was renewed on the recent ones, since the certificate it renews', async (count, procedures) => {
    const bytes = await make({ ...typicalCertificate, satisfactoryProcedures: count, renews: 'CIT-AAAA-BBBB-CCCC' });
    const text = flat(pdfText(bytes));
    expect(text).toContain(
      `after passing every module of the course; renewed on ${procedures} rated satisfactory in every domain since the previous ` +
        'certificate, CIT-AAAA-BBBB-CCCC.',
    );
    expect(text).not.toContain('being observed performing');
    expectLaidOut(bytes);
    renderPng(bytes, pngDir, `renewal-${count}`);
  });
});

describe('certificate PDF: from public verification (calendar dates)', () => {
  it('prints calendar dates as the app shows them, with the scope', async () => {
    const bytes = await make(verificationOnlyCertificate);
    const lines = pdfLines(bytes);
    expect(lines).toContain('Valid until 24 November 2028');
    expect(lines).toContain('Issuing supervisor');
    expect(lines).not.toContain('Not recorded on this certificate.');
    expectLaidOut(bytes);
    renderPng(bytes, pngDir, 'verification-only');
  });

  it('says the scope is not recorded rather than print an empty table', async () => {
    expect(pdfLines(await make(noScopeCertificate))).toContain('Not recorded on this certificate.');
  });
});
