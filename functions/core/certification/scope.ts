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

const mm = (depth: number) => `${depth.toFixed(depth * 10 === Math.round(depth * 10) ? 1 : 2)} mm`;

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

/** What a supervisor has seen of a trainee in one area: satisfactory procedures and the deepest setting among them. */
export interface AreaEvidence {
  satisfactory: number;
  deepestMm: number;
}

/** The evidence for each area, from the satisfactory procedures that count (after a revocation, only those since). */
export function evidenceByArea(procedures: readonly ObservedProcedureRecord[]): Map<string, AreaEvidence> {
  const evidence = new Map<string, AreaEvidence>();
  for (const procedure of procedures) {
    if (!procedure.satisfactory) continue;
    const seen = evidence.get(procedure.areaId) ?? { satisfactory: 0, deepestMm: 0 };
    evidence.set(procedure.areaId, { satisfactory: seen.satisfactory + 1, deepestMm: Math.max(seen.deepestMm, procedure.depthMm) });
  }
  return evidence;
}

/**
 * A scope signed off on evidence: every area needs a satisfactory observed procedure in it, and no
 * depth beyond the deepest setting observed satisfactorily there. What a renewal carries over
 * unchanged was evidenced when it was first signed off (`kept`); what it adds or deepens needs
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
    const before = kept.find((candidate) => candidate.areaId === signOff.areaId);
    if (!area || (before && signOff.maxDepthMm <= before.maxDepthMm + 1e-9)) return [];
    const seen = evidence.get(area.id);
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
      ];
    return [];
  });
}

/** The scope as the certificate records it, in the course's order of areas. Call after scopeProblems found none. */
export function certifiedScope(areas: readonly AreaSignOff[], course: readonly TreatmentArea[]): ScopeOfPractice {
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
          maxDepthUnsupervisedMm: signOff.supervision === 'unsupervised' ? Math.min(maxDepthMm, area.maxDepthUnsupervisedMm) : 0,
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
