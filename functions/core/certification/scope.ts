import type { ErrorLocation } from '../errors';
import type { TreatmentArea } from '../course/types';
import type { ObservedProcedureRecord } from './types';

/**
 * Scope of practice: what a certificate allows its holder to do, area by area, as the issuing
 * supervisor signs it off within the course's limits (courses/course.yaml). A supervisor may sign
 * off less than the course allows, never more.
 */

/** Whether the holder may treat the area without a supervisor present (up to the course's unsupervised limit). */
export type Supervision = 'unsupervised' | 'supervised-only';

/** One area as the supervisor signs it off. */
export interface AreaSignOff {
  areaId: string;
  maxDepthMm: number;
  supervision: Supervision;
}

/** One area as the certificate records it: the label as it was when signed off, and both limits. */
export interface CertifiedArea {
  areaId: string;
  label: string;
  /** The most the holder may use on the area at all. */
  maxDepthMm: number;
  /** The most without a supervisor present; 0 when the area is supervised only. */
  maxDepthUnsupervisedMm: number;
}

export interface ScopeOfPractice {
  areas: CertifiedArea[];
}

/** A needle depth as every page, email and PDF writes it: "1.0 mm", "1.25 mm", "0.5 mm". */
export const formatDepth = (depth: number) => `${depth.toFixed(depth * 10 === Math.round(depth * 10) ? 1 : 2)} mm`;
const mm = formatDepth;

/** Every way the sign-off breaks the course's limits, as pointers into the request body. */
export function scopeProblems(areas: readonly AreaSignOff[], course: readonly TreatmentArea[], pointer = '/scope/areas'): ErrorLocation[] {
  const problems: ErrorLocation[] = [];
  if (areas.length === 0) problems.push({ pointer, message: 'Sign off at least one treatment area.' });
  const seen = new Set<string>();
  areas.forEach((signOff, index) => {
    const at = `${pointer}/${index}`;
    const area = course.find((candidate) => candidate.id === signOff.areaId);
    if (!area) {
      problems.push({ pointer: `${at}/areaId`, message: `"${signOff.areaId}" is not one of the course's treatment areas.` });
      return;
    }
    if (seen.has(area.id)) problems.push({ pointer: `${at}/areaId`, message: `${area.label} is listed twice.` });
    seen.add(area.id);
    if (signOff.maxDepthMm > area.maxDepthMm + 1e-9)
      problems.push({
        pointer: `${at}/maxDepthMm`,
        message: `${area.label}: at most ${mm(area.maxDepthMm)}, the course's limit for the area.`,
      });
    if (Math.abs(signOff.maxDepthMm * 20 - Math.round(signOff.maxDepthMm * 20)) > 1e-9)
      problems.push({ pointer: `${at}/maxDepthMm`, message: `${area.label}: give the depth in steps of 0.05 mm.` });
  });
  return problems;
}

/**
 * What a supervisor has seen of a trainee in one area: satisfactory procedures, the deepest setting
 * among them, and the deepest among those the trainee performed independently (0 if none): only
 * those show the trainee can treat there without a supervisor.
 */
export interface AreaEvidence {
  satisfactory: number;
  deepestMm: number;
  deepestIndependentMm: number;
}

/** The evidence for each area, from the satisfactory procedures that count (after a revocation, only those since). */
export function evidenceByArea(
  procedures: readonly Pick<ObservedProcedureRecord, 'satisfactory' | 'areaId' | 'depthMm' | 'entrustment'>[],
): Map<string, AreaEvidence> {
  const evidence = new Map<string, AreaEvidence>();
  for (const procedure of procedures) {
    if (!procedure.satisfactory) continue;
    const seen = evidence.get(procedure.areaId) ?? { satisfactory: 0, deepestMm: 0, deepestIndependentMm: 0 };
    evidence.set(procedure.areaId, {
      satisfactory: seen.satisfactory + 1,
      deepestMm: Math.max(seen.deepestMm, procedure.depthMm),
      deepestIndependentMm:
        procedure.entrustment === 'independent' ? Math.max(seen.deepestIndependentMm, procedure.depthMm) : seen.deepestIndependentMm,
    });
  }
  return evidence;
}

/**
 * The deepest setting the holder may use in an area without a supervisor, on evidence: the deepest
 * procedure performed independently there, or what the current certificate already allowed
 * unsupervised (a renewal keeps it). 0: supervised only.
 */
export const unsupervisedEvidenceMm = (areaId: string, evidence: Map<string, AreaEvidence>, kept: readonly CertifiedArea[] = []) =>
  Math.max(evidence.get(areaId)?.deepestIndependentMm ?? 0, kept.find((area) => area.areaId === areaId)?.maxDepthUnsupervisedMm ?? 0);

/**
 * A scope signed off on evidence: every area needs a satisfactory observed procedure in it, and no
 * depth beyond the deepest setting observed satisfactorily there; treating it unsupervised needs a
 * procedure there performed independently. What a renewal carries over unchanged was evidenced
 * when it was first signed off (`kept`); what it adds, deepens or makes unsupervised needs
 * evidence now.
 */
export function evidenceProblems(
  areas: readonly AreaSignOff[],
  course: readonly TreatmentArea[],
  evidence: Map<string, AreaEvidence>,
  kept: readonly CertifiedArea[] = [],
  pointer = '/scope/areas',
): ErrorLocation[] {
  return areas.flatMap((signOff, index): ErrorLocation[] => {
    const area = course.find((candidate) => candidate.id === signOff.areaId);
    if (!area) return [];
    const before = kept.find((candidate) => candidate.areaId === signOff.areaId);
    const seen = evidence.get(area.id);
    const unsupervised: ErrorLocation[] =
      signOff.supervision === 'unsupervised' && unsupervisedEvidenceMm(area.id, evidence, kept) <= 0
        ? [
            {
              pointer: `${pointer}/${index}/supervision`,
              message:
                `${area.label}: no procedure there was performed independently yet; sign it off as supervised only, ` +
                'or observe one the trainee performs without help first.',
            },
          ]
        : [];
    if (before && signOff.maxDepthMm <= before.maxDepthMm + 1e-9) return unsupervised;
    if (!seen)
      return [
        {
          pointer: `${pointer}/${index}/areaId`,
          message: `${area.label}: no satisfactory observed procedure in this area yet; observe one before signing it off.`,
        },
      ];
    if (signOff.maxDepthMm > seen.deepestMm + 1e-9)
      return [
        {
          pointer: `${pointer}/${index}/maxDepthMm`,
          message: `${area.label}: at most ${mm(seen.deepestMm)}, the deepest setting observed satisfactorily there.`,
        },
        ...unsupervised,
      ];
    return unsupervised;
  });
}

/**
 * The scope as the certificate records it, in the course's order of areas: the unsupervised limit
 * is the course's, and no deeper than the trainee was seen to work independently there
 * (`unsupervisedEvidence`, from unsupervisedEvidenceMm). Call after scopeProblems and
 * evidenceProblems found none.
 */
export function certifiedScope(
  areas: readonly AreaSignOff[],
  course: readonly TreatmentArea[],
  unsupervisedEvidence: (areaId: string) => number,
): ScopeOfPractice {
  return {
    areas: course.flatMap((area) => {
      const signOff = areas.find((candidate) => candidate.areaId === area.id);
      if (!signOff) return [];
      const maxDepthMm = Math.round(signOff.maxDepthMm * 100) / 100;
      return [
        {
          areaId: area.id,
          label: area.label,
          maxDepthMm,
          maxDepthUnsupervisedMm:
            signOff.supervision === 'unsupervised' ? Math.min(maxDepthMm, area.maxDepthUnsupervisedMm, unsupervisedEvidence(area.id)) : 0,
        },
      ];
    }),
  };
}

/** A certified area back as a sign-off: how a renewal starts from the current scope. */
export const signOffOf = (area: CertifiedArea): AreaSignOff => ({
  areaId: area.areaId,
  maxDepthMm: area.maxDepthMm,
  supervision: area.maxDepthUnsupervisedMm > 0 ? 'unsupervised' : 'supervised-only',
});

/**
 * One line a holder, a clinic and a patient can read, the same on the card, the verification
 * page, the roster, the PDF and in email: "up to 1.0 mm unsupervised; up to 1.5 mm with a
 * supervisor present".
 */
export function describeLimits(area: Pick<CertifiedArea, 'maxDepthMm' | 'maxDepthUnsupervisedMm'>): string {
  if (area.maxDepthUnsupervisedMm <= 0) return `up to ${mm(area.maxDepthMm)}, only with a supervisor present`;
  if (area.maxDepthUnsupervisedMm >= area.maxDepthMm) return `up to ${mm(area.maxDepthMm)}, may treat unsupervised`;
  return `up to ${mm(area.maxDepthUnsupervisedMm)} unsupervised; up to ${mm(area.maxDepthMm)} with a supervisor present`;
}
