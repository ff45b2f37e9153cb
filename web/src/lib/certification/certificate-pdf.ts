import { PDFDocument, radians, rgb, type PDFPage } from 'pdf-lib';
import { encode } from 'uqr';
// Relative, not $core: this module also runs under Node, in the tests and the benchmark.
import { formatDepth } from '../../../../functions/core/certification/scope';
import { longDate } from './display';
import type { FontWeight, PdfFonts } from './pdf-fonts';
import { Typesetter, type TextBlock, type TextNeed, type TextStyle } from './pdf-text';

export type { PdfFonts } from './pdf-fonts';

export type PrintStatus = 'valid' | 'expired' | 'revoked' | 'suspended' | 'superseded';
export interface PrintableCertificate {
  code: string; // 'CIT-7K3M-Q9XD-2PWA'
  status: PrintStatus; // as of printing
  statusSince?: string; // ISO date/time the current non-valid status began
  holderName: string;
  organisationName?: string; // the holder's clinic
  qualification: string;
  issuedAt: string; // ISO date or date-time
  expiresAt: string;
  issuer: string; // the certifying body: 'CIT Academy'
  signatory: { name: string; role: string }; // the issuing supervisor, e.g. 'Clinical supervisor, Harbour Skin Clinic'
  /** Per area: the most the holder may use at all, and without a supervisor present (0: supervised only). */
  scope?: { areas: { label: string; maxDepthMm: number; maxDepthUnsupervisedMm: number }[] };
  modules: { title: string; passedAt: string }[];
  /** The observed procedures it was issued on: for a renewal, the recent ones since the certificate it renews. */
  satisfactoryProcedures: number;
  /** The code of the certificate this one renewed, when it is a renewal. */
  renews?: string;
  /** When superseded: its renewal, and that renewal's status when this copy was printed. */
  successor?: { code: string; status: PrintStatus };
}

/** A4 portrait, in points. */
export const PAGE = { width: 595.28, height: 841.89 } as const;
/** No text comes closer than this to any edge of the page (the border sits outside it). */
export const PAGE_MARGIN = 48;

const BRAND = rgb(0.06, 0.36, 0.39);
const INK = rgb(0.08, 0.13, 0.24);
const MUTED = rgb(0.33, 0.37, 0.45);
const ALERT = rgb(0.7, 0.09, 0.11);
const PANEL = rgb(0.94, 0.97, 0.97);
const ALERT_PANEL = rgb(0.995, 0.93, 0.93);
const CONTENT_WIDTH = PAGE.width - 2 * PAGE_MARGIN;
/** Below this, text would be too small to read on paper: the certificate fails loudly instead. */
const MIN_SCALE = 0.6;

const STATUS_WORD: Record<Exclude<PrintStatus, 'valid'>, string> = {
  expired: 'EXPIRED',
  revoked: 'REVOKED',
  suspended: 'SUSPENDED',
  superseded: 'SUPERSEDED',
};

/** The diagonal watermark (and the heading of the status panel) on a certificate that was not valid when printed. */
export const notValidText = (status: Exclude<PrintStatus, 'valid'>) => `NOT VALID — ${STATUS_WORD[status]}`;

const DAY_MS = 86_400_000;
/** The end of the day a date names, or the instant a date-time names. */
const instant = (iso: string) => Date.parse(iso) + (/^\d{4}-\d{2}-\d{2}$/.test(iso) ? DAY_MS : 0);

/**
 * The status the copy prints: the caller's, except that a certificate past its expiry is printed
 * as expired whatever it was told (the PDF never prints an expired certificate as valid).
 */
export function statusWhenPrinted(certificate: Pick<PrintableCertificate, 'status' | 'expiresAt'>, printedAt: Date): PrintStatus {
  return certificate.status === 'valid' && instant(certificate.expiresAt) <= printedAt.getTime() ? 'expired' : certificate.status;
}

function statusSentence(certificate: PrintableCertificate, status: Exclude<PrintStatus, 'valid'>, printedAt: Date): string {
  const since = certificate.statusSince ? longDate(certificate.statusSince) : undefined;
  const successor = certificate.successor;
  const what = {
    expired: `Expired on ${longDate(certificate.statusSince ?? certificate.expiresAt)}.`,
    revoked: since ? `Revoked on ${since}.` : 'Revoked.',
    suspended: since ? `Suspended since ${since}.` : 'Suspended.',
    superseded: successor
      ? `Superseded${since ? ` on ${since}` : ''} by its renewal ${successor.code}, ${SUCCESSOR[successor.status]}.`
      : since
        ? `Superseded on ${since} by a renewed certificate.`
        : 'Superseded by a renewed certificate.',
  }[status];
  return `${what} It was not valid when this copy was printed on ${longDate(printedAt.toISOString())}. The verification page shows its current status.`;
}

/** What became of a superseded certificate's renewal, as the verify page says it. */
const SUCCESSOR: Record<PrintStatus, string> = {
  valid: 'which is valid',
  expired: 'which has expired',
  suspended: 'which is suspended',
  revoked: 'which is revoked',
  superseded: 'which has since been renewed again',
};

/**
 * An area's two limits, each in its own column and in describeLimits' words ("up to 1.0 mm"): on
 * their own, and with a supervisor present; a dash where the holder may not treat on their own.
 */
export const NOT_ALONE = '—';
export function scopeCells(area: { maxDepthMm: number; maxDepthUnsupervisedMm: number }): { alone: string; supervised: string } {
  return {
    alone: area.maxDepthUnsupervisedMm > 0 ? `up to ${formatDepth(Math.min(area.maxDepthUnsupervisedMm, area.maxDepthMm))}` : NOT_ALONE,
    supervised: `up to ${formatDepth(area.maxDepthMm)}`,
  };
}

/** The heading of the scope: a certificate that is not valid prints it as history. */
export function scopeHeading(status: PrintStatus): string {
  if (status === 'valid') return 'Scope of practice';
  return status === 'suspended' ? 'Scope, not in force while suspended' : 'Scope when it was valid';
}

/** What the certificate was issued on: a renewal on the recent procedures since the one it renews. */
export function evidenceStatement(certificate: Pick<PrintableCertificate, 'satisfactoryProcedures' | 'renews'>): string {
  const count = certificate.satisfactoryProcedures;
  const procedures = `${count} ${certificate.renews ? 'recent observed procedure' : 'procedure'}${count === 1 ? '' : 's'}`;
  return certificate.renews
    ? `after passing every module of the course; renewed on ${procedures} rated satisfactory in every domain ` +
        `since the previous certificate, ${certificate.renews}.`
    : `after passing every module of the course and being observed performing ${procedures} rated satisfactory in every domain.`;
}

/** What the certificate draws, measured: blocks of text and the QR code, stacked from the top and the bottom. */
interface Laid {
  height: number;
  draw(page: PDFPage, top: number): void;
}

const text = (block: TextBlock, left = PAGE_MARGIN, width = CONTENT_WIDTH): Laid => ({
  height: block.height,
  draw: (page, top) => block.draw(page, left, top, width),
});

/** Items one above the other, with the given gaps between them. */
function stack(items: (Laid | number)[]): Laid {
  const height = items.reduce<number>((total, item) => total + (typeof item === 'number' ? item : item.height), 0);
  return {
    height,
    draw(page, top) {
      let y = top;
      for (const item of items) {
        if (typeof item === 'number') y -= item;
        else {
          item.draw(page, y);
          y -= item.height;
        }
      }
    },
  };
}

/** Items side by side, tops aligned. */
const row = (items: Laid[]): Laid => ({
  height: Math.max(0, ...items.map((item) => item.height)),
  draw: (page, top) => items.forEach((item) => item.draw(page, top)),
});

const rule = (left: number, width: number, color = BRAND, thickness = 0.6): Laid => ({
  height: thickness,
  draw: (page, top) =>
    page.drawLine({ start: { x: left, y: top - thickness / 2 }, end: { x: left + width, y: top - thickness / 2 }, thickness, color }),
});

/** A filled panel around content, with padding. */
function panel(content: Laid, padding: number, fill: typeof PANEL, border: typeof BRAND): Laid {
  return {
    height: content.height + 2 * padding,
    draw(page, top) {
      const height = content.height + 2 * padding;
      page.drawRectangle({
        x: PAGE_MARGIN - 8,
        y: top - height,
        width: CONTENT_WIDTH + 16,
        height,
        color: fill,
        borderColor: border,
        borderWidth: 0.8,
      });
      content.draw(page, top - padding);
    },
  };
}

function qrCode(url: string, size: number): Laid {
  const { data } = encode(url, { ecc: 'M', border: 0 });
  const cell = size / data.length;
  return {
    height: size,
    draw(page, top) {
      const left = PAGE.width - PAGE_MARGIN - size;
      // One rectangle per run of dark modules in a row: fewer operators, no hairline seams.
      data.forEach((modules, rowIndex) => {
        for (let column = 0; column < modules.length; column++) {
          if (!modules[column]) continue;
          let end = column;
          while (end < modules.length && modules[end]) end++;
          page.drawRectangle({
            x: left + column * cell,
            y: top - (rowIndex + 1) * cell,
            width: (end - column) * cell,
            height: cell,
            color: INK,
          });
          column = end;
        }
      });
    },
  };
}

function drawBorder(page: PDFPage) {
  const outer = 20;
  const inner = 26;
  page.drawRectangle({
    x: outer,
    y: outer,
    width: PAGE.width - 2 * outer,
    height: PAGE.height - 2 * outer,
    borderColor: BRAND,
    borderWidth: 2.2,
  });
  page.drawRectangle({
    x: inner,
    y: inner,
    width: PAGE.width - 2 * inner,
    height: PAGE.height - 2 * inner,
    borderColor: BRAND,
    borderWidth: 0.6,
  });
  for (const [x, y] of [
    [inner, inner],
    [PAGE.width - inner, inner],
    [inner, PAGE.height - inner],
    [PAGE.width - inner, PAGE.height - inner],
  ]) {
    page.drawRectangle({ x: x - 3, y: y - 3, width: 6, height: 6, color: BRAND });
  }
}

/**
 * The watermark across the page: as large as fits inside the margins along the page's diagonal,
 * translucent, drawn last so nothing covers it.
 */
function drawWatermark(page: PDFPage, typesetter: Typesetter, words: string) {
  const angle = Math.atan2(PAGE.height - 2 * PAGE_MARGIN, PAGE.width - 2 * PAGE_MARGIN);
  const line = typesetter.line(words, 700);
  const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
  const unitHeight = line.ascent + line.descent;
  // The rotated box of the text (width w, height h at size 1) spans w·cos + h·sin across and w·sin + h·cos up.
  const size =
    0.96 *
    Math.min(
      (PAGE.width - 2 * PAGE_MARGIN) / (line.width * cos + unitHeight * sin),
      (PAGE.height - 2 * PAGE_MARGIN) / (line.width * sin + unitHeight * cos),
    );
  const width = line.width * size;
  // Centre the box (baseline at descent) on the page centre.
  const along = width / 2;
  const across = ((line.ascent - line.descent) / 2) * size;
  const x = PAGE.width / 2 - along * cos + across * sin;
  const y = PAGE.height / 2 - along * sin - across * cos;
  let offset = 0;
  for (const span of line.spans) {
    page.drawText(span.text, {
      x: x + offset * cos,
      y: y + offset * sin,
      size,
      font: span.face.font,
      color: ALERT,
      opacity: 0.16,
      rotate: radians(angle),
    });
    offset += span.width * size;
  }
}

/**
 * A printable certificate for the holder or a clinic's records: one A4 page with a border, the
 * issuer, the holder, the qualification, the scope of practice, the modules passed, the dates, the
 * issuing supervisor as signatory, the code and a QR code of the verification link. It is a copy,
 * and says so: the verify page is the authority. A certificate that was not valid when printed
 * carries a diagonal "NOT VALID — …" watermark and no "Valid until" line.
 *
 * Every text block is measured: it shrinks within limits, then wraps; if the whole page still does
 * not fit, everything is scaled down together, and below MIN_SCALE this throws instead of clipping.
 */
export async function certificatePdf(
  certificate: PrintableCertificate,
  verifyUrl: string,
  fonts: PdfFonts,
  printedAt = new Date(),
): Promise<Uint8Array> {
  const status = statusWhenPrinted(certificate, printedAt);
  const pdf = await PDFDocument.create();
  pdf.setTitle(`${certificate.issuer} certificate ${certificate.code}`, { showInWindowTitleBar: true });
  pdf.setSubject(`${certificate.qualification}: ${certificate.holderName}${status === 'valid' ? '' : ` (not valid: ${status})`}`);
  pdf.setAuthor(certificate.issuer);
  pdf.setCreator(certificate.issuer);
  pdf.setProducer(`${certificate.issuer} (pdf-lib)`);
  pdf.setKeywords([certificate.code, certificate.qualification, 'certificate']);
  pdf.setLanguage('en-GB');
  pdf.setCreationDate(printedAt);
  pdf.setModificationDate(printedAt);

  const need = (value: string, weight: FontWeight): TextNeed => ({ text: value, weight });
  const needs = [
    need(certificate.issuer, 700),
    need(certificate.holderName, 700),
    need(certificate.organisationName ?? '', 400),
    need(certificate.qualification, 700),
    need(certificate.signatory.name, 400),
    need(certificate.signatory.role, 400),
    need(`Signed electronically for ${certificate.issuer}`, 400),
    need(certificate.code, 700),
    need(verifyUrl, 400),
    ...certificate.modules.map((module) => need(module.title, 400)),
    ...(certificate.scope?.areas ?? []).map((area) => need(area.label, 400)),
  ];
  const typesetter = await Typesetter.create(pdf, fonts, needs);

  const page = pdf.addPage([PAGE.width, PAGE.height]);
  drawBorder(page);
  for (let scale = 1; ; scale = Math.round((scale - 0.05) * 100) / 100) {
    if (scale < MIN_SCALE) throw new Error(`certificate ${certificate.code} does not fit on one page even at ${MIN_SCALE * 100}% size`);
    const layout = compose(certificate, status, verifyUrl, printedAt, typesetter, scale);
    if (!layout) continue;
    // Room to spare opens the gaps between sections (up to two and a half times), the rest stays above the signature.
    const spread = Math.min(2.5, 1 + (0.999 * layout.spare) / layout.flexible);
    compose(certificate, status, verifyUrl, printedAt, typesetter, scale, spread)!.draw(page);
    break;
  }
  if (status !== 'valid') drawWatermark(page, typesetter, notValidText(status));
  return pdf.save();
}

/** The page at one scale, or undefined when it does not fit. */
function compose(
  certificate: PrintableCertificate,
  status: PrintStatus,
  verifyUrl: string,
  printedAt: Date,
  typesetter: Typesetter,
  scale: number,
  spread = 1,
) {
  const s = (points: number) => points * scale;
  /** A gap that opens up (by `spread`) when the page has room to spare. */
  let flexible = 0;
  const f = (points: number) => {
    flexible += s(points);
    return s(points) * spread;
  };
  const block = (value: string, style: TextStyle, width = CONTENT_WIDTH, left = PAGE_MARGIN) =>
    text(typesetter.block(value, style, width, scale), left, width);
  const centred = (style: Omit<TextStyle, 'align'>): TextStyle => ({ ...style, align: 'center' });

  // The top: who certifies whom, for what.
  const statement = evidenceStatement(certificate);
  const top = stack([
    block(certificate.issuer, centred({ weight: 700, size: 15, minSize: 11, color: BRAND })),
    s(6),
    block('Certificate of competence', centred({ weight: 400, size: 27, minSize: 20, color: INK })),
    f(10),
    rule(PAGE.width / 2 - s(40), s(80), BRAND, 1.2),
    f(16),
    block('This certifies that', centred({ weight: 400, size: 11, color: MUTED })),
    s(8),
    block(certificate.holderName, centred({ weight: 700, size: 30, minSize: 18, wrapSize: 22, color: INK, leading: 0.12 })),
    ...(certificate.organisationName
      ? [s(5), block(certificate.organisationName, centred({ weight: 400, size: 13, minSize: 10, wrapSize: 11, color: MUTED }))]
      : []),
    f(14),
    block('was awarded the qualification', centred({ weight: 400, size: 11, color: MUTED })),
    s(6),
    block(certificate.qualification, centred({ weight: 700, size: 18, minSize: 12, wrapSize: 14, color: BRAND })),
    s(8),
    block(statement, centred({ weight: 400, size: 10, minSize: 9, color: MUTED }), CONTENT_WIDTH - s(40), PAGE_MARGIN + s(20)),
  ]);

  // The status: valid until, or plainly not valid (and then no "Valid until" anywhere).
  const statusPanel =
    status === 'valid'
      ? panel(
          stack([
            block(`Valid until ${longDate(certificate.expiresAt)}`, centred({ weight: 700, size: 13, minSize: 10, color: INK })),
            s(4),
            block(
              `Valid when this copy was printed on ${longDate(printedAt.toISOString())}`,
              centred({ weight: 400, size: 9, minSize: 8, color: MUTED }),
            ),
          ]),
          s(9),
          PANEL,
          BRAND,
        )
      : panel(
          stack([
            block(notValidText(status), centred({ weight: 700, size: 15, minSize: 11, color: ALERT })),
            s(5),
            block(statusSentence(certificate, status, printedAt), centred({ weight: 400, size: 10, minSize: 8.5, color: INK })),
          ]),
          s(9),
          ALERT_PANEL,
          ALERT,
        );

  // Two columns: what the holder may do (the wider: a table of three), and what they passed.
  const gutter = s(20);
  const scopeWidth = (CONTENT_WIDTH - gutter) * 0.6;
  const modulesWidth = CONTENT_WIDTH - gutter - scopeWidth;
  const rightLeft = PAGE_MARGIN + scopeWidth + gutter;
  const heading = (value: string, left: number, width: number) =>
    stack([block(value, { weight: 700, size: 10.5, minSize: 9, color: BRAND }, width, left), s(3), rule(left, width, BRAND, 0.6), s(6)]);
  const cell = { weight: 400 as const, size: 9.5, minSize: 8.5, color: INK, leading: 0.12 };
  const rows = (items: Laid[]) => items.flatMap((item, index) => (index ? [s(4), item] : [item]));

  // The scope: each area's limit on their own and with a supervisor present, side by side at the
  // same size and weight, so neither reads as the limit. Not valid: the same table as history, muted.
  const scope = certificate.scope;
  const history = status !== 'valid';
  const cells = (scope?.areas ?? []).map(scopeCells);
  const limitStyle = { ...cell, minSize: cell.size, color: history ? MUTED : INK };
  const limitWidth = Math.max(
    s(80),
    ...cells.flatMap(({ alone, supervised }) => [alone, supervised]).map((value) => typesetter.measure(value, 400) * s(cell.size) + 1),
  );
  const cellGap = s(10);
  const areaWidth = scopeWidth - 2 * (limitWidth + cellGap);
  const aloneLeft = PAGE_MARGIN + areaWidth + cellGap;
  const supervisedLeft = aloneLeft + limitWidth + cellGap;
  /** One row of the table; the column heads sit on the baseline of the longest (bottom-aligned). */
  const scopeRow = (area: string, alone: string, supervised: string, areaStyle: TextStyle, style: TextStyle, bottom = false) => {
    const cells = [
      block(area, areaStyle, areaWidth, PAGE_MARGIN),
      block(alone, style, limitWidth, aloneLeft),
      block(supervised, style, limitWidth, supervisedLeft),
    ];
    const height = Math.max(...cells.map((item) => item.height));
    return row(cells.map((item) => (bottom ? stack([height - item.height, item]) : item)));
  };
  const columnHead = { ...cell, size: 8, minSize: 8, color: MUTED };
  const scopeColumn = stack([
    heading(scopeHeading(status), PAGE_MARGIN, scopeWidth),
    ...(scope
      ? [
          scopeRow('Treatment area', 'On their own', 'With a supervisor present', columnHead, columnHead, true),
          s(4),
          ...rows(
            scope.areas.map((area, index) => scopeRow(area.label, cells[index].alone, cells[index].supervised, limitStyle, limitStyle)),
          ),
        ]
      : [block('Not recorded on this certificate.', { ...cell, color: MUTED }, scopeWidth, PAGE_MARGIN)]),
  ]);

  // The modules: each title, and the date it was passed aligned right.
  const dateWidth = Math.min(
    modulesWidth * 0.45,
    Math.max(0, ...certificate.modules.map((module) => typesetter.measure(longDate(module.passedAt), 400))) * s(cell.size) + 1,
  );
  const passed = (title: string, date: string) =>
    row([
      block(title, cell, modulesWidth - dateWidth - s(8), rightLeft),
      block(date, { ...cell, color: MUTED, align: 'right' }, dateWidth, rightLeft + modulesWidth - dateWidth),
    ]);
  const modulesColumn = stack([
    heading('Modules passed', rightLeft, modulesWidth),
    ...(certificate.modules.length
      ? rows(certificate.modules.map((module) => passed(module.title, longDate(module.passedAt))))
      : [block('None recorded.', { ...cell, color: MUTED }, modulesWidth, rightLeft)]),
  ]);
  const columns = row([scopeColumn, modulesColumn]);

  // The bottom: the signatory and date of issue, then the code, the QR code and what this copy is.
  const signatureWidth = s(250);
  const dateBlockWidth = s(160);
  const dateLeft = PAGE.width - PAGE_MARGIN - dateBlockWidth;
  // Two signature-style lines side by side, their rules level: the signatory, and the date of issue.
  const signed = block(certificate.signatory.name, { weight: 400, size: 15, minSize: 11, wrapSize: 12, color: INK }, signatureWidth);
  const dated = block(
    longDate(certificate.issuedAt),
    { weight: 400, size: 13, minSize: 10, color: INK, align: 'center' },
    dateBlockWidth,
    dateLeft,
  );
  const aboveRule = Math.max(signed.height, dated.height);
  const signature = row([
    stack([
      aboveRule - signed.height,
      signed,
      s(4),
      rule(PAGE_MARGIN, signatureWidth, INK, 0.7),
      s(4),
      block(certificate.signatory.role, { weight: 400, size: 9, minSize: 8, color: MUTED }, signatureWidth),
      s(2),
      block(`Signed electronically for ${certificate.issuer}`, { weight: 400, size: 8, minSize: 7, color: MUTED }, signatureWidth),
    ]),
    stack([
      aboveRule - dated.height,
      dated,
      s(4),
      rule(dateLeft, dateBlockWidth, INK, 0.7),
      s(4),
      block('Date of issue', { weight: 400, size: 9, color: MUTED, align: 'center' }, dateBlockWidth, dateLeft),
    ]),
  ]);
  const qrSize = s(92);
  const footerTextWidth = CONTENT_WIDTH - qrSize - s(18);
  const footer = row([
    stack([
      block('Certificate code', { weight: 400, size: 8.5, color: MUTED }, footerTextWidth),
      s(2),
      block(certificate.code, { weight: 700, size: 16, minSize: 11, color: INK }, footerTextWidth),
      s(6),
      block(
        'This PDF is a copy. The verification page is the authority on whether the certificate is valid today: scan the QR code or go to',
        { weight: 400, size: 8.5, minSize: 7.5, color: INK, leading: 0.12 },
        footerTextWidth,
      ),
      s(2),
      block(verifyUrl, { weight: 400, size: 8.5, minSize: 7, color: BRAND, leading: 0.12 }, footerTextWidth),
      s(5),
      block(`Printed ${longDate(printedAt.toISOString())}`, { weight: 400, size: 8, color: MUTED }, footerTextWidth),
    ]),
    stack([qrCode(verifyUrl, qrSize)]),
  ]);

  const bottom = stack([signature, s(18), rule(PAGE_MARGIN, CONTENT_WIDTH, BRAND, 0.5), s(15), footer]);
  const [first, second, third] = [f(16), f(16), f(16)];
  const page = stack([top, first, statusPanel, second, columns]);
  const spare = PAGE.height - 2 * PAGE_MARGIN - page.height - third - bottom.height;
  if (spare < -0.01) return undefined;
  return {
    spare,
    flexible,
    draw(target: PDFPage) {
      page.draw(target, PAGE.height - PAGE_MARGIN);
      bottom.draw(target, PAGE_MARGIN + bottom.height);
    },
  };
}
