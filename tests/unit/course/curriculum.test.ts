import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { checkCoverage, compileCourse } from '../../../functions/scripts/course/compile';
import { COURSES_DIR } from '../../../functions/core/course/paths';
import { coverageFileSchema } from '../../../functions/scripts/course/schema';

/**
 * Course v2's curriculum (issue 11): every clinical topic a clinical lead asked for is taught in a
 * real section and tested by real items, as courses/coverage.yaml maps it and the build checks.
 */
const REQUIRED_TOPICS = [
  // Screening, module 5, with module 2's pigmentation triage
  'bleeding-disorders',
  'anticoagulants',
  'antiplatelets-and-nsaids',
  'pregnancy-and-breastfeeding',
  'active-infection-or-cold-sore',
  'active-inflammatory-acne',
  'isotretinoin',
  'keloid-tendency',
  'immunosuppression',
  'diabetes-and-wound-healing',
  'radiotherapy',
  'koebner-dermatoses',
  'rosacea-flare',
  'autoimmune-connective-tissue',
  'recent-filler-or-toxin',
  'metal-allergy',
  'herpes-prophylaxis',
  'undiagnosed-pigmented-lesion',
  'proceed-cases',
  'pigmentation-triage',
  // Products on needled skin
  'products-on-needled-skin',
  'prp-and-mesotherapy',
  'injectable-cocktails-mycobacteria',
  // Technique and hygiene
  'needle-length-vs-depth',
  'depths-by-area',
  'no-go-zones',
  'eye-protection',
  'handpiece-cross-contamination',
  'needlestick-and-bbv',
  'home-rollers',
  'pre-treatment-preparation',
  'darker-skin-precautions',
  'consent-and-expectations',
  'photography',
  'scope-of-practice',
  // Aftercare
  'sun-protection',
  'make-up-after-treatment',
  'barrier-recovery',
  // Complications
  'expected-reactions',
  'early-infection',
  'atypical-mycobacterial-infection',
  'contact-dermatitis',
  'granulomas',
  'tram-track-scarring',
  'pih-management',
  'herpes-reactivation',
  'vasovagal-and-anaphylaxis',
  'recognise-manage-document-refer',
  // Indications
  'melasma-limited-evidence',
  'modest-claims',
  'deep-scars-referral',
  'patient-selection-bdd',
];

describe('the curriculum', () => {
  const coverage = coverageFileSchema.parse(parse(readFileSync(join(COURSES_DIR, 'coverage.yaml'), 'utf8')));

  it('maps every required clinical topic to sections that teach it and items that test it, and the build checks every link', () => {
    const mapped = new Set(coverage.topics.map((topic) => topic.id));
    expect(REQUIRED_TOPICS.filter((topic) => !mapped.has(topic))).toEqual([]);
    expect(checkCoverage(COURSES_DIR, compileCourse(COURSES_DIR))).toBe(coverage.statements.length);
  });

  it('teaches screening with cases whose right answer is Proceed', () => {
    const screening = compileCourse(COURSES_DIR).find(({ bank }) => bank.moduleId === 'contraindications')!;
    expect(
      screening.bank.questions.filter((question) => question.type === 'case' && question.correctOptionIds.includes('proceed')).length,
    ).toBeGreaterThanOrEqual(2);
  });

  it('teaches that "pigmented lesions" are not an indication: anything undiagnosed is referred, never treated', () => {
    const indications = compileCourse(COURSES_DIR).find(({ page }) => page.id === 'indications')!;
    const text = indications.page.html.replace(/<[^>]+>/g, '').replaceAll('&quot;', '"');
    expect(text).toMatch(/"Pigmented lesions"\s*Not an indication\./);
    expect(text).toMatch(/melanoma/i);
    expect(indications.page.sections.map((section) => section.id)).toContain('undiagnosed-or-changing-lesions-defer-and-refer');
  });
});
