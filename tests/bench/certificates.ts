import { formatCertificateCode } from '../../functions/core/certification/certificate-code';
import { historyEvents } from '../../functions/core/certification/history';
import type { CertificationStore } from '../../functions/core/certification/ports';
import { sampleCertificate } from '../support/sample-certificate';
import type { BenchRequest } from './events';

/**
 * Certificates issued ahead of the measurement through the store's exactly-once write (both
 * copies); verification only reads them. Returns their canonical codes.
 */
export async function issueSampleCertificates(store: Pick<CertificationStore, 'issueOnce'>, count: number): Promise<string[]> {
  const records = Array.from({ length: count }, () => sampleCertificate());
  for (let offset = 0; offset < count; offset += 25)
    await Promise.all(records.slice(offset, offset + 25).map((record) => store.issueOnce(record, historyEvents.certificateIssued(record))));
  return records.map((record) => record.code);
}

/** Verification requests cycling through the codes, as printed (CIT-XXXX-XXXX-XXXX). */
export const verifyEach = (codes: string[]) => {
  let next = 0;
  return (): BenchRequest => ({ method: 'GET', path: `/api/certificates/${formatCertificateCode(codes[next++ % codes.length])}` });
};

/** The floor's read of the same certificates, by the same keys. */
export const floorReadEach = (codes: string[]) => {
  let next = 0;
  return (): BenchRequest => ({ method: 'GET', path: `/floor/certificates/${codes[next++ % codes.length]}` });
};
