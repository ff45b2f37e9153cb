import { launchChromium } from '../e2e/browser';

export interface PageTransfer {
  url: string;
  requests: number;
  transferredBytes: number;
}

/** Everything Chromium downloads to show a page from a cold cache, as encoded on the wire. */
export async function measurePageTransfer(url: string): Promise<PageTransfer> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const sizes: Promise<number>[] = [];
    page.on('requestfinished', (request) => sizes.push(request.sizes().then((size) => size.responseBodySize + size.responseHeadersSize)));
    await page.goto(url, { waitUntil: 'networkidle' });
    const bytes = await Promise.all(sizes);
    return { url, requests: bytes.length, transferredBytes: bytes.reduce((total, size) => total + size, 0) };
  } finally {
    await browser.close();
  }
}
