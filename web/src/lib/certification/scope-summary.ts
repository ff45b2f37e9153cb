import type { Verification } from '$core/api/schemas';
import { course } from '$core/course/generated/course';

const mm = (depth: number) => depth.toFixed(depth * 10 === Math.round(depth * 10) ? 1 : 2);

/**
 * The scope in a table cell: "Face 1.0 · Neck 0.5 supervised · Acne scars (cheeks) 1.5 (1.0 alone)".
 * Depths in mm; the full wording is on the certificate and its verification page.
 */
export function scopeSummary(areas: Verification['scope']['areas']): string {
  return areas
    .map((area) => {
      const name = course.treatmentAreas.find((known) => known.id === area.areaId)?.shortLabel ?? area.label;
      const alone =
        area.maxDepthUnsupervisedMm <= 0
          ? ' supervised'
          : area.maxDepthUnsupervisedMm < area.maxDepthMm
            ? ` (${mm(area.maxDepthUnsupervisedMm)} alone)`
            : '';
      return `${name} ${mm(area.maxDepthMm)}${alone}`;
    })
    .join(' · ');
}
