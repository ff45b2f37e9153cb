/**
 * The observed practical assessment, in the style of a DOPS (Direct Observation of Procedural
 * Skills): a supervisor watches the trainee treat a patient and rates each domain. A procedure is
 * satisfactory only when every domain meets the expected standard; one weak domain (say, asepsis)
 * is not averaged away by the others.
 */
export const DOPS_DOMAINS = [
  { id: 'screening-and-consent', label: 'Screening, contraindications and informed consent' },
  { id: 'preparation-and-asepsis', label: 'Preparation, skin cleansing and asepsis' },
  { id: 'technique-and-depth', label: 'Technique: needle depth, pressure and passes for the area' },
  { id: 'patient-safety', label: 'Patient comfort, safety and recognising the endpoint' },
  { id: 'aftercare', label: 'Aftercare advice, documentation and when to return' },
] as const;

export type DopsDomainId = (typeof DOPS_DOMAINS)[number]['id'];
export type DopsRating = 'meets' | 'below';
export type DopsRatings = Record<DopsDomainId, DopsRating>;

export const DOPS_DOMAIN_IDS = DOPS_DOMAINS.map((domain) => domain.id) as [DopsDomainId, ...DopsDomainId[]];

export const isSatisfactory = (ratings: DopsRatings) => DOPS_DOMAIN_IDS.every((id) => ratings[id] === 'meets');
