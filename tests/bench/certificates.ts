import { randomBytes, randomUUID } from 'node:crypto';
import { CERTIFICATE_CODE_RANDOM_BYTES, certificateCodeFrom, formatCertificateCode } from '../../functions/core/certification/certificate-code';
import type { CertificationStore } from '../../functions/core/certification/ports';
import type { CertificateRecord } from '../../functions/core/certification/records';
import { CERTIFICATION_POLICY, expiryAfter } from '../../functions/core/certification/rules';
import { catalogue } from '../../functions/core/course/generated/catalogue';
import type { BenchRequest } from './events';

/** A certificate of the size real ones have: five modules, three procedures, names of usual length. */
export function sampleCertificate(issuedAt = new Date()): CertificateRecord {
  return {
    code: certificateCodeFrom(randomBytes(CERTIFICATE_CODE_RANDOM_BYTES)),
    traineeSub: randomUUID(),
    holderName: 'Alexandra Rivera-Okonkwo',
    organisationName: 'Harbour Skin Clinic',
    qualification: CERTIFICATION_POLICY.qualification,
    issuedAt: issuedAt.toISOString(),
    expiresAt: expiryAfter(issuedAt).toISOString(),
    issuedBy: { sub: randomUUID(), name: 'Sam Okafor' },
    modules: catalogue.map(({ moduleId, title }) => ({ moduleId, title, passedAt: issuedAt.toISOString(), attemptId: randomUUID() })),
    assessmentIds: [randomUUID(), randomUUID(), randomUUID()],
    status: 'active',
  };
}

/**
 * Certificates issued ahead of the measurement through the store's exactly-once write (both
 * copies); verification only reads them. Returns their canonical codes.
 */
export async function issueSampleCertificates(store: CertificationStore, count: number): Promise<string[]> {
  const records = Array.from({ length: count }, () => sampleCertificate());
  for (let offset = 0; offset < count; offset += 25) await Promise.all(records.slice(offset, offset + 25).map((record) => store.issueOnce(record)));
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
