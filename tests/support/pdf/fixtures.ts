import type { PrintableCertificate } from '../../../web/src/lib/certification/certificate-pdf';

export const VERIFY_URL = 'https://cit.example/verify?code=CIT-7K3M-Q9XD-2PWA';
/** Every fixture is printed at this moment, so dates and statuses are stable. */
export const PRINTED_AT = new Date('2027-06-01T09:00:00.000Z');

/** A typical certificate: five modules, three treatment areas. */
export const typicalCertificate: PrintableCertificate = {
  code: 'CIT-7K3M-Q9XD-2PWA',
  status: 'valid',
  holderName: 'Zoë O’Connor',
  organisationName: 'Harbour Skin Clinic',
  qualification: 'Collagen induction therapy (microneedling) practitioner',
  issuedAt: '2026-11-24T10:00:00.000Z',
  expiresAt: '2028-11-24T10:00:00.000Z',
  issuer: 'CIT Academy',
  signatory: { name: 'Sam Okafor', role: 'Clinical supervisor, Harbour Skin Clinic' },
  scope: {
    areas: [
      { label: 'Face', maxDepthMm: 1, maxDepthUnsupervisedMm: 1 },
      { label: 'Neck', maxDepthMm: 0.5, maxDepthUnsupervisedMm: 0 },
      { label: 'Atrophic acne scars on the cheeks', maxDepthMm: 1.5, maxDepthUnsupervisedMm: 1 },
    ],
  },
  modules: ['Mechanism of action', 'Indications', 'Contraindications', 'Technique', 'Complications'].map((title, index) => ({
    title,
    passedAt: `2026-11-${String(10 + index)}T10:00:00.000Z`,
  })),
  satisfactoryProcedures: 3,
};

/** What public verification gives: calendar dates, and the scope. */
export const verificationOnlyCertificate: PrintableCertificate = {
  ...typicalCertificate,
  issuedAt: '2026-11-24',
  expiresAt: '2028-11-24',
  modules: typicalCertificate.modules.map((module) => ({ ...module, passedAt: module.passedAt.slice(0, 10) })),
  signatory: { name: 'Sam Okafor', role: 'Issuing supervisor' },
};

/** A certificate with no treatment area recorded (none the course knows of any more, say). */
export const noScopeCertificate: PrintableCertificate = { ...verificationOnlyCertificate, scope: undefined };

/** Names in the scripts a clinic's staff write them in. */
export const TEST_NAMES = [
  'Łukasz Żółć',
  'Nguyễn Thị Minh Khai',
  'Ελένη Παπαδοπούλου',
  'محمد عبد الله',
  '王秀英',
  '山田 花子',
  '김민준',
] as const;

const long = (start: string, length: number) => {
  let text = start;
  for (let word = 0; text.length < length; word++)
    text += ` ${['Harbour', 'Skin', 'Clinic', 'Aesthetics', 'Dermatology', 'Wellbeing', 'Centre'][word % 7]}`;
  return text.slice(0, length).trimEnd();
};

/** The longest certificate the brief asks for: 120-character name and clinic, 200-character qualification, 8 areas, 10 modules. */
export const longCertificate: PrintableCertificate = {
  ...typicalCertificate,
  holderName: long('Maximiliana Alexandrina Konstantinopoulou-Featherstonehaugh de la Cruz y Villanueva', 120),
  organisationName: long('The Northern Regional Collaborative for Advanced Aesthetic Medicine', 120),
  qualification: long(
    'Advanced collagen induction therapy (microneedling) practitioner with supervised ' +
      'competence in facial, neck, décolletage, scalp, hand and body treatment areas including ' +
      'atrophic acne scars and striae',
    200,
  ),
  signatory: {
    name: 'Dr Anneliese Bartholomew-Fitzwilliam',
    role: 'Clinical supervisor and lead assessor, The Northern Regional Collaborative for Advanced Aesthetic Medicine',
  },
  scope: {
    areas: [
      'Face (forehead, cheeks, chin)',
      'Periorbital area',
      'Perioral area and upper lip',
      'Neck and décolletage',
      'Scalp',
      'Backs of the hands',
      'Body (abdomen, thighs, upper arms)',
      'Atrophic acne scars and surgical scars',
    ].map((label, index) => ({
      label,
      maxDepthMm: [1.5, 0.5, 0.75, 1, 1.5, 0.5, 2, 2.5][index],
      maxDepthUnsupervisedMm: index % 2 ? 0.25 : 0,
    })),
  },
  modules: Array.from({ length: 10 }, (_unused, index) => ({
    title: [
      'Mechanism of action and wound healing',
      'Indications and patient selection',
      'Contraindications and precautions',
      'Consultation, consent and photography',
      'Skin preparation and infection control',
      'Technique: depth, passes and devices',
      'Aftercare and skin recovery',
      'Complications and their management',
      'Combination treatments and topical products',
      'Records, audit and professional standards',
    ][index],
    passedAt: new Date(Date.UTC(2026, 8, 1 + index * 7)).toISOString(),
  })),
  satisfactoryProcedures: 12,
};
