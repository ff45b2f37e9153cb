import { describe, expect, it } from 'vitest';
import { measureCertificatePdf } from './certificate-pdf-measure';

describe('certificate PDF: generation time and size', () => {
  it('reports them for a typical certificate (the benchmark calls measureCertificatePdf too)', async () => {
    const figures = await measureCertificatePdf(5);
    console.log(`certificate PDF: ${JSON.stringify(figures)}`);
    expect(figures.typical.bytes).toBeLessThan(100_000);
    expect(figures.typical.medianMs).toBeLessThan(2_000);
  }, 60_000);
});
