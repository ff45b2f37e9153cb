import { PDFDocument, rgb, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib';
import { encode } from 'uqr';
import type { Verification } from '$core/api/schemas';
import { longDate, STATUS_TEXT } from './display';

const BRAND = rgb(0.06, 0.36, 0.39);
const INK = rgb(0.08, 0.13, 0.24);
const MUTED = rgb(0.29, 0.33, 0.41);
const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 56;

/** Text in the standard fonts' character set (WinAnsi): anything else would make pdf-lib throw. */
const printable = (text: string) => text.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/[–—]/g, '-').replace(/[^\x20-\x7E\xA0-\xFF]/g, '?');

function drawQr(page: PDFPage, text: string, x: number, y: number, size: number) {
  const { data } = encode(text, { border: 1 });
  const cell = size / data.length;
  data.forEach((row, rowIndex) =>
    row.forEach((dark, column) => {
      if (dark) page.drawRectangle({ x: x + column * cell, y: y + size - (rowIndex + 1) * cell, width: cell, height: cell, color: INK });
    }),
  );
}

/**
 * A printable certificate for the holder or a clinic's records. It is a copy, not the authority:
 * it carries the code and a QR code of the public verification link, which says whether the
 * certificate is still valid. Built in the browser from what verification returns, with pdf-lib.
 */
export async function certificatePdf(certificate: Verification, verifyUrl: string): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(`CIT Academy certificate ${certificate.code}`);
  pdf.setSubject(certificate.qualification);
  pdf.setCreator('CIT Academy');
  const page = pdf.addPage([A4.width, A4.height]);
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  let y = A4.height - MARGIN;
  const line = (text: string, font: PDFFont, size: number, color = INK, gap = 8) => {
    page.drawText(printable(text), { x: MARGIN, y: y - size, size, font, color, maxWidth: A4.width - 2 * MARGIN });
    y -= size + gap;
  };

  page.drawRectangle({ x: 0, y: A4.height - 12, width: A4.width, height: 12, color: BRAND });
  line('CIT Academy', bold, 14, BRAND, 28);
  line('Certificate', regular, 16, MUTED, 6);
  line(certificate.qualification, bold, 20, INK, 28);
  line('This certifies that', regular, 12, MUTED, 6);
  line(certificate.holderName, bold, 26, INK, 10);
  if (certificate.organisationName) line(certificate.organisationName, regular, 13, MUTED, 18);
  line(
    `passed every module of the course on server-scored quizzes and was observed performing ${certificate.satisfactoryProcedures} procedures rated satisfactory in every domain.`,
    regular, 12, INK, 18,
  );
  for (const module of certificate.modules) line(`- ${module.title}: passed ${longDate(module.passedAt)}`, regular, 11, INK, 5);
  y -= 14;
  line(`Issued ${longDate(certificate.issuedAt)} by ${certificate.issuedBy}`, regular, 12, INK, 6);
  line(`Valid until ${longDate(certificate.expiresAt)}`, bold, 12, INK, 6);
  line(`Status when printed: ${STATUS_TEXT[certificate.status]}`, regular, 12, certificate.status === 'valid' ? INK : rgb(0.64, 0.13, 0.13), 24);

  const qrSize = 120;
  drawQr(page, verifyUrl, A4.width - MARGIN - qrSize, MARGIN, qrSize);
  page.drawText(printable(`Certificate code ${certificate.code}`), { x: MARGIN, y: MARGIN + 60, size: 14, font: bold, color: INK });
  page.drawText('Check that it is still valid: scan the QR code or go to', { x: MARGIN, y: MARGIN + 38, size: 10, font: regular, color: MUTED });
  page.drawText(printable(verifyUrl), { x: MARGIN, y: MARGIN + 24, size: 9, font: regular, color: BRAND, maxWidth: A4.width - 2 * MARGIN - qrSize - 16 });
  return pdf.save();
}
