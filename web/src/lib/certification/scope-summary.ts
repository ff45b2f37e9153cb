import type { Verification } from '$core/api/schemas';
import { formatDepth } from '$core/certification/scope';
import { course } from '$core/course/generated/course';

/**
 * The scope in a table cell: "Face 1.0 mm · Neck 0.5 mm with a supervisor · Acne scars (cheeks)
 * 1.0 mm alone, 1.5 mm with a supervisor". The full wording is on the certificate and its
 * verification page.
 */
export function scopeSummary(areas: Verification['scope']['areas']): string {
  return areas
    .map((area) => {
      const name = course.treatmentAreas.find((known) => known.id === area.areaId)?.shortLabel ?? area.label;
      if (area.maxDepthUnsupervisedMm <= 0) return `${name} ${formatDepth(area.maxDepthMm)} with a supervisor`;
      if (area.maxDepthUnsupervisedMm >= area.maxDepthMm) return `${name} ${formatDepth(area.maxDepthMm)}`;
      return `${name} ${formatDepth(area.maxDepthUnsupervisedMm)} alone, ${formatDepth(area.maxDepthMm)} with a supervisor`;
    })
    .join(' · ');
}
