// Generation time and size of the printable certificate, for `npm run bench` and the unit test that
// reports them. Fonts are read into memory first: in the browser they are fetched once and cached.
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { certificatePdf, PAGE, type PrintableCertificate } from '../../../web/src/lib/certification/certificate-pdf';
import type { CjkLanguage, FontWeight, PdfFonts } from '../../../web/src/lib/certification/pdf-fonts';
import { PRINTED_AT, typicalCertificate, VERIFY_URL } from './fixtures';
import { nodePdfFonts } from './fonts-node';

/** Node's fonts, each file read once and then served from memory. */
function cachedFonts(): PdfFonts {
  const source = nodePdfFonts();
  const cache = new Map<string, Promise<unknown>>();
  const once = <T>(key: string, read: () => Promise<T>) => {
    if (!cache.has(key)) cache.set(key, read());
    return cache.get(key) as Promise<T>;
  };
  return {
    base: (weight: FontWeight) => once(`base/${weight}`, () => source.base(weight)),
    cjkRanges: (language: CjkLanguage) => once(`ranges/${language}`, () => source.cjkRanges(language)),
    cjkSubset: (language: CjkLanguage, subset: string, weight: FontWeight) =>
      once(`${language}/${subset}/${weight}`, () => source.cjkSubset(language, subset, weight)),
  };
}

export interface PdfMeasurement {
  /** The first PDF in this process: includes compiling pdf-lib's and fontkit's code paths. */
  firstMs: number;
  medianMs: number;
  p95Ms: number;
  bytes: number;
}

async function timed(make: () => Promise<Uint8Array>, runs: number): Promise<PdfMeasurement> {
  const times: number[] = [];
  let bytes = 0;
  for (let run = 0; run <= runs; run++) {
    const started = performance.now();
    bytes = (await make()).length;
    times.push(performance.now() - started);
  }
  const [first, ...rest] = times;
  rest.sort((a, b) => a - b);
  const round = (value: number) => Math.round(value * 10) / 10;
  return {
    firstMs: round(first),
    medianMs: round(rest[Math.floor(rest.length / 2)]),
    p95Ms: round(rest[Math.min(rest.length - 1, Math.floor(rest.length * 0.95))]),
    bytes,
  };
}

const measure = (certificate: PrintableCertificate, runs: number, fonts: PdfFonts) =>
  timed(() => certificatePdf(certificate, VERIFY_URL, fonts, PRINTED_AT), runs);

/**
 * The floor: the least a PDF certificate can be with the same library, an A4 page with the same
 * lines of text in a standard PDF font (nothing embedded, no layout, no QR code, Latin only). What
 * ours costs beyond it buys embedded Unicode fonts, measured layout and the QR code.
 */
async function floorPdf(certificate: PrintableCertificate): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  const page = document.addPage([PAGE.width, PAGE.height]);
  const font = await document.embedFont(StandardFonts.Helvetica);
  const lines = [
    'CIT Academy',
    'Certificate of competence',
    certificate.holderName,
    certificate.qualification,
    `Valid until ${certificate.expiresAt.slice(0, 10)}`,
    ...(certificate.scope?.areas ?? []).map((area) => `${area.label} ${area.maxDepthMm} mm`),
    ...certificate.modules.map((module) => `${module.title} ${module.passedAt.slice(0, 10)}`),
    certificate.signatory.name,
    certificate.code,
    VERIFY_URL,
  ];
  lines.forEach((line, index) => page.drawText(line, { x: 48, y: PAGE.height - 72 - index * 18, size: 11, font }));
  return document.save();
}

/**
 * The printable certificate's generation time and size: a typical certificate (Latin name, five
 * modules, three areas), the same with a Chinese name (two CJK subsets embedded), and revoked with an
 * Arabic name (watermark, right-to-left shaping).
 */
export async function measureCertificatePdf(runs = 20) {
  const fonts = cachedFonts();
  return {
    floor: await timed(() => floorPdf(typicalCertificate), runs),
    typical: await measure(typicalCertificate, runs, fonts),
    chineseName: await measure({ ...typicalCertificate, holderName: '王秀英' }, runs, fonts),
    revokedArabicName: await measure(
      { ...typicalCertificate, holderName: 'محمد عبد الله', status: 'revoked', statusSince: '2027-03-03' },
      runs,
      fonts,
    ),
  };
}
