import { randomBytes, randomUUID } from 'node:crypto';
import { CERTIFICATE_CODE_RANDOM_BYTES, certificateCodeFrom } from '../../functions/core/certification/certificate-code';
import type { CertificateRecord } from '../../functions/core/certification/types';
import { expiryAfter } from '../../functions/core/certification/rules';
import { certifiedScope, type AreaSignOff } from '../../functions/core/certification/scope';
import { course } from '../../functions/core/course/generated/course';

/** A typical sign-off: the face on their own, acne scars deeper only with a supervisor present, the neck supervised only. */
export const SAMPLE_SIGN_OFF: AreaSignOff[] = [
  { areaId: 'face', maxDepthMm: 1.0, supervision: 'unsupervised' },
  { areaId: 'scars', maxDepthMm: 1.5, supervision: 'unsupervised' },
  { areaId: 'neck', maxDepthMm: 0.5, supervision: 'supervised-only' },
];

/** A certificate of the size real ones have: five modules, three procedures, names of usual length. */
export function sampleCertificate(issuedAt = new Date()): CertificateRecord {
  return {
    code: certificateCodeFrom(randomBytes(CERTIFICATE_CODE_RANDOM_BYTES)),
    traineeSub: randomUUID(),
    holderName: 'Alexandra Rivera-Okonkwo',
    organisationName: 'Harbour Skin Clinic',
    qualification: course.certification.qualification,
    // As if every area had been seen performed independently at the depth signed off.
    scope: certifiedScope(SAMPLE_SIGN_OFF, course.treatmentAreas, () => Infinity),
    issuedAt: issuedAt.toISOString(),
    expiresAt: expiryAfter(issuedAt, course.certification.validityMonths).toISOString(),
    issuedBy: { sub: randomUUID(), name: 'Sam Okafor' },
    modules: course.modules.map(({ moduleId, title }) => ({ moduleId, title, passedAt: issuedAt.toISOString(), attemptId: randomUUID() })),
    procedureIds: [randomUUID(), randomUUID(), randomUUID()],
    status: 'active',
  };
}
