import { PDFDocument } from 'pdf-lib';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { Verification } from '../../../functions/core/api/schemas';
import { certificatePdf } from '../../../web/src/lib/certification/certificate-pdf';

const certificate: Verification = {
  code: 'CIT-7K3M-Q9XD-2PWA',
  status: 'valid',
  holderName: 'Zoë O’Connor',
  organisationName: 'Harbour Skin Clinic',
  qualification: 'Collagen induction therapy (microneedling) practitioner',
  issuedAt: '2026-11-24T10:00:00.000Z',
  expiresAt: '2028-11-24T10:00:00.000Z',
  issuedBy: 'Sam Okafor',
  modules: [{ title: 'Mechanism of action', passedAt: '2026-11-20T10:00:00.000Z' }],
  satisfactoryProcedures: 3,
};

/** The text the PDF draws: every content stream (inflated when compressed), its hex strings decoded. */
function drawnText(bytes: Uint8Array): string {
  const file = Buffer.from(bytes);
  const streams: string[] = [];
  for (let at = file.indexOf('stream'); at !== -1; at = file.indexOf('stream', at + 1)) {
    if (file.subarray(at - 3, at).toString() === 'end') continue;
    const start = at + (file[at + 6] === 0x0d ? 8 : 7);
    const end = file.indexOf('endstream', start);
    const raw = file.subarray(start, end);
    try {
      streams.push(inflateSync(raw).toString('latin1'));
    } catch {
      streams.push(raw.toString('latin1'));
    }
  }
  return streams.flatMap((content) => [...content.matchAll(/<([0-9A-Fa-f]+)>\s*Tj/g)].map((match) => Buffer.from(match[1], 'hex').toString('latin1'))).join('\n');
}

describe('certificate PDF', () => {
  it('is one A4 page naming the holder, the code, the dates and where to verify it', async () => {
    const bytes = await certificatePdf(certificate, 'https://cit.example/verify?code=CIT-7K3M-Q9XD-2PWA');
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-');
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getPageCount()).toBe(1);
    expect(pdf.getTitle()).toBe('CIT Academy certificate CIT-7K3M-Q9XD-2PWA');
    const text = drawnText(bytes);
    // Characters outside the standard fonts are replaced, not fatal: the curly apostrophe becomes straight.
    expect(text).toContain("Zoë O'Connor");
    expect(text).toContain('Certificate code CIT-7K3M-Q9XD-2PWA');
    expect(text).toContain('Valid until 24 November 2028');
    expect(text).toContain('https://cit.example/verify?code=CIT-7K3M-Q9XD-2PWA');
  });
});
