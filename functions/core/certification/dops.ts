/**
 * The observed practical assessment, in the style of a DOPS (Direct Observation of Procedural
 * Skills): a supervisor watches the trainee treat a patient, rates each domain, records how much
 * help the trainee needed (an entrustment scale), how complex the case was, how long they observed
 * and gave feedback, what went well and the learning action they agreed. A procedure is
 * satisfactory only when every domain meets the expected standard (one weak domain, say asepsis,
 * is not averaged away by the others) and the trainee performed it: a procedure the supervisor
 * had to take over shows nothing about the trainee's competence yet.
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

/** How much the supervisor had to do, from most to least: the level of supervision the trainee needed. */
export const ENTRUSTMENT_LEVELS = [
  { id: 'observed-only', label: 'Observed only: the supervisor performed it or took over' },
  { id: 'direct-help', label: 'Needed direct help' },
  { id: 'minimal-help', label: 'Needed minimal help or prompting' },
  { id: 'independent', label: 'Independent: needed no help' },
] as const;
export type Entrustment = (typeof ENTRUSTMENT_LEVELS)[number]['id'];
export const ENTRUSTMENT_IDS = ENTRUSTMENT_LEVELS.map((level) => level.id) as [Entrustment, ...Entrustment[]];

export const CASE_COMPLEXITIES = [
  { id: 'straightforward', label: 'Straightforward' },
  { id: 'moderate', label: 'Moderate' },
  { id: 'complex', label: 'Complex' },
] as const;
export type CaseComplexity = (typeof CASE_COMPLEXITIES)[number]['id'];
export const CASE_COMPLEXITY_IDS = CASE_COMPLEXITIES.map((level) => level.id) as [CaseComplexity, ...CaseComplexity[]];

export const isSatisfactory = (ratings: DopsRatings, entrustment: Entrustment) =>
  entrustment !== 'observed-only' && DOPS_DOMAIN_IDS.every((id) => ratings[id] === 'meets');
