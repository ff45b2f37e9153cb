// The printable certificate's fonts in the browser: files Vite emits as hashed assets (never
// inlined: the CSP's connect-src does not admit data: URLs), fetched on the first PDF and kept for
// the next. This module and the ones it imports load only when someone asks for a PDF.
import dejaVuSans from 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf?url&no-inline';
import dejaVuSansBold from 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf?url&no-inline';
import { cjkFileName, type CjkLanguage, type FontWeight, type PdfFonts } from './pdf-fonts';

const cjk: Record<CjkLanguage, () => Promise<{ ranges: Record<string, string>; urls: Record<string, string> }>> = {
  sc: () => import('./pdf-fonts-cjk-sc'),
  jp: () => import('./pdf-fonts-cjk-jp'),
  kr: () => import('./pdf-fonts-cjk-kr'),
};

const fetched = new Map<string, Promise<Uint8Array>>();

function bytes(url: string): Promise<Uint8Array> {
  let pending = fetched.get(url);
  if (!pending) {
    pending = fetch(url).then(async (response) => {
      if (!response.ok) throw new Error(`font ${url}: HTTP ${response.status}`);
      return new Uint8Array(await response.arrayBuffer());
    });
    // A failed fetch is not kept: the next click tries again.
    pending.catch(() => fetched.delete(url));
    fetched.set(url, pending);
  }
  return pending;
}

export const browserPdfFonts: PdfFonts = {
  base: (weight: FontWeight) => bytes(weight === 700 ? dejaVuSansBold : dejaVuSans),
  cjkRanges: async (language: CjkLanguage) => (await cjk[language]()).ranges,
  async cjkSubset(language: CjkLanguage, subset: string, weight: FontWeight) {
    const name = cjkFileName(language, subset, weight);
    const url = (await cjk[language]()).urls[name];
    if (!url) throw new Error(`no font file ${name}`);
    return bytes(url);
  },
};
