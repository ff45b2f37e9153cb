import { describe, expect, it } from 'vitest';
import { measureCertificatePdf } from '../../support/pdf/measure';

/** Its generation time is the benchmark's to report (npm run bench); its size is a budget. */
describe('certificate PDF: size', () => {
  it('stays within 100 KB, with a Chinese name’s font subsets or an Arabic name’s shaping', async () => {
    const { typical, chineseName, revokedArabicName, floor } = await measureCertificatePdf(1);
    for (const measured of [typical, chineseName, revokedArabicName]) expect(measured.bytes).toBeLessThan(100_000);
    // Embedded fonts cost bytes: the floor (a standard font, nothing embedded) is far smaller.
    expect(floor.bytes).toBeLessThan(typical.bytes);
  }, 60_000);
});
