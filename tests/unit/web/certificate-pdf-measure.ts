// Generation time and size of the printable certificate, for `npm run bench` and the unit test that
// reports them. Fonts are read into memory first: in the browser they are fetched once and cached.
import { certificatePdf, type PrintableCertificate } from '../../../web/src/lib/certification/certificate-pdf';
import type { CjkLanguage, FontWeight, PdfFonts } from '../../../web/src/lib/certification/pdf-fonts';
import { PRINTED_AT, typicalCertificate, VERIFY_URL } from './certificate-pdf-fixtures';
import { nodePdfFonts } from './pdf-fonts-node';

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

async function measure(certificate: PrintableCertificate, runs: number, fonts: PdfFonts): Promise<PdfMeasurement> {
  const times: number[] = [];
  let bytes = 0;
  for (let run = 0; run <= runs; run++) {
    const started = performance.now();
    bytes = (await certificatePdf(certificate, VERIFY_URL, fonts, PRINTED_AT)).length;
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

/**
 * The printable certificate's generation time and size: a typical certificate (Latin name, five
 * modules, three areas), the same with a Chinese name (two CJK subsets embedded), and revoked with an
 * Arabic name (watermark, right-to-left shaping).
 */
export async function measureCertificatePdf(runs = 20) {
  const fonts = cachedFonts();
  return {
    typical: await measure(typicalCertificate, runs, fonts),
    chineseName: await measure({ ...typicalCertificate, holderName: '王秀英' }, runs, fonts),
    revokedArabicName: await measure(
      { ...typicalCertificate, holderName: 'محمد عبد الله', status: 'revoked', statusSince: '2027-03-03' },
      runs,
      fonts,
    ),
  };
}
