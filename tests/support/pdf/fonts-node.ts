import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { cjkFileName, type CjkLanguage, type FontWeight, type PdfFonts } from '../../../web/src/lib/certification/pdf-fonts';

const modules = fileURLToPath(new URL('../../../node_modules/', import.meta.url));
const bytes = async (path: string) => new Uint8Array(await readFile(`${modules}${path}`));

/** Fonts read from node_modules, as the browser fetches them from the built site; counts what was read. */
export function nodePdfFonts(): PdfFonts & { reads: string[] } {
  const reads: string[] = [];
  const read = (path: string) => {
    reads.push(path);
    return bytes(path);
  };
  return {
    reads,
    base: (weight: FontWeight) => read(`dejavu-fonts-ttf/ttf/${weight === 700 ? 'DejaVuSans-Bold' : 'DejaVuSans'}.ttf`),
    cjkRanges: async (language: CjkLanguage) =>
      JSON.parse(new TextDecoder().decode(await read(`@fontsource/noto-sans-${language}/unicode.json`))),
    cjkSubset: (language: CjkLanguage, subset: string, weight: FontWeight) =>
      read(`@fontsource/noto-sans-${language}/files/${cjkFileName(language, subset, weight)}`),
  };
}
