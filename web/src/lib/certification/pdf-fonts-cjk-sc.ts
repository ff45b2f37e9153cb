// The Noto Sans SC subsets for the printable certificate: each file's unicode-range and the URL Vite
// emits it at. Imported only when a certificate has characters only this font holds.
import ranges from '../../../../node_modules/@fontsource/noto-sans-sc/unicode.json';

const files = import.meta.glob<string>(
  '../../../../node_modules/@fontsource/noto-sans-sc/files/noto-sans-sc-[0-9]*-{400,700}-normal.woff',
  {
    query: '?url&no-inline',
    import: 'default',
    eager: true,
  },
);

export { ranges };
/** URL by file name (noto-sans-sc-4-400-normal.woff). */
export const urls: Record<string, string> = Object.fromEntries(
  Object.entries(files).map(([path, url]) => [path.slice(path.lastIndexOf('/') + 1), url]),
);
