import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import matter from 'gray-matter';
import { Marked } from 'marked';
import { getHeadingList, gfmHeadingId, resetHeadings } from 'marked-gfm-heading-id';
import { parse as parseYaml } from 'yaml';
import type { ZodError } from 'zod';
import { itemRuleViolations } from './item-rules';
import {
  archivedBankFileSchema,
  courseFileSchema,
  coverageFileSchema,
  DECISIONS,
  moduleFrontmatterSchema,
  questionBankFileSchema,
  type AuthoredQuestion,
} from './schema';
import type { BankQuestion, CourseDefinition, ModulePage, QuestionBank } from '../../core/course/types';

export interface CompiledModule {
  page: ModulePage;
  bank: QuestionBank;
  /** The bank as authored (questions.yaml), which an archive keeps. */
  authored: AuthoredQuestion[];
}

/** A course file that cannot be used, named by its path relative to the courses folder. */
export class CourseFileError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'CourseFileError';
  }
}

const MODULE_FILE = 'index.md';

const BANK_FILE = 'questions.yaml';

function describeZodError(error: ZodError): string {
  return error.issues.map((issue) => `${issue.path.length ? issue.path.join('.') : '(root)'} ${issue.message}`).join('; ');
}

function readText(root: string, path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    throw new CourseFileError(relative(root, path), 'is missing or unreadable');
  }
}

const FIGURE_LINE = /^!\[([^\]]+)\]\(([a-z0-9-]+\.svg)\)$/gm;

/**
 * `![caption](figure.svg)` on a line of its own becomes an inline, captioned SVG figure: no extra
 * request, and the drawing's own <title> names it for screen readers.
 */
function inlineFigures(root: string, dir: string, markdown: string, moduleFile: string): { markdown: string; figures: string[] } {
  const figures: string[] = [];
  const replaced = markdown.replace(FIGURE_LINE, (_line, caption: string, file: string) => {
    const svg = readText(root, join(dir, file));
    if (!/<svg[^>]*role="img"/.test(svg) || !/<title[^>]*>[^<]{10,}<\/title>/.test(svg)) {
      throw new CourseFileError(relative(root, join(dir, file)), 'needs role="img" on <svg> and a descriptive <title>');
    }
    figures.push(svg);
    return `\n<figure class="figure">${svg.replace(/<\?xml[^>]*>\s*/, '').trim()}<figcaption>${caption}</figcaption></figure>\n`;
  });
  if (/!\[[^\]]*\]\(/.test(replaced))
    throw new CourseFileError(moduleFile, 'images must be SVG figures on a line of their own: ![caption](name.svg)');
  return { markdown: replaced, figures };
}

function parseYamlFile(file: string, text: string): unknown {
  try {
    return parseYaml(text);
  } catch (error) {
    throw new CourseFileError(file, `is not valid YAML (${(error as Error).message})`);
  }
}

function renderLesson(markdown: string) {
  const marked = new Marked(gfmHeadingId());
  resetHeadings();
  const html = marked.parse(markdown, { async: false });
  const sections = getHeadingList().map((heading) => ({
    id: heading.id,
    title: heading.raw,
    depth: heading.level,
  }));
  return { html, sections };
}

function toBankQuestion(question: AuthoredQuestion): BankQuestion {
  const common = {
    id: question.id,
    type: question.type,
    objective: question.objective,
    section: question.section,
    safetyCritical: question.safetyCritical,
    prompt: question.prompt,
    explanation: question.explanation,
  };
  switch (question.type) {
    case 'true-false':
      return {
        ...common,
        options: [
          { id: 'true', text: 'True' },
          { id: 'false', text: 'False' },
        ],
        correctOptionIds: [question.answer ? 'true' : 'false'],
      };
    case 'case':
      return {
        ...common,
        vignette: question.vignette,
        options: [
          ...Object.entries(DECISIONS).map(([decision, text]) => ({ id: decision, text, group: 'decision' as const })),
          ...question.reasons.map(({ id: optionId, text }) => ({ id: optionId, text, group: 'reason' as const })),
        ],
        correctOptionIds: [question.decision, ...question.reasons.filter((reason) => reason.correct).map((reason) => reason.id)],
      };
    default:
      return {
        ...common,
        ...(question.vignette ? { vignette: question.vignette } : {}),
        options: question.options.map(({ id: optionId, text }) => ({ id: optionId, text })),
        correctOptionIds: question.options.filter((option) => option.correct).map((option) => option.id),
      };
  }
}

function compileModule(root: string, folder: string, options: CompileOptions): CompiledModule {
  const dir = join(root, folder);
  const modulePath = join(dir, MODULE_FILE);
  const bankPath = join(dir, BANK_FILE);
  const moduleText = readText(root, modulePath);
  const bankText = readText(root, bankPath);
  const moduleFile = relative(root, modulePath);
  const bankFile = relative(root, bankPath);

  let parsedModule: ReturnType<typeof matter>;
  try {
    parsedModule = matter(moduleText);
  } catch (error) {
    throw new CourseFileError(moduleFile, `frontmatter is not valid YAML (${(error as Error).message})`);
  }
  const front = moduleFrontmatterSchema.safeParse(parsedModule.data);
  if (!front.success) throw new CourseFileError(moduleFile, describeZodError(front.error));

  const bankFileContent = questionBankFileSchema.safeParse(parseYamlFile(bankFile, bankText));
  if (!bankFileContent.success) throw new CourseFileError(bankFile, describeZodError(bankFileContent.error));

  const { markdown, figures } = inlineFigures(root, dir, parsedModule.content, moduleFile);
  const { html, sections } = renderLesson(markdown);
  const sectionIds = new Set(sections.map((section) => section.id));
  const objectiveIds = new Set(front.data.objectives.map((objective) => objective.id));
  const seen = new Set<string>();
  for (const question of bankFileContent.data.questions) {
    if (seen.has(question.id)) throw new CourseFileError(bankFile, `question id "${question.id}" is used twice`);
    seen.add(question.id);
    if (!sectionIds.has(question.section)) {
      throw new CourseFileError(
        bankFile,
        `question "${question.id}" links to section "${question.section}", which is not a heading in ${MODULE_FILE}`,
      );
    }
    if (!objectiveIds.has(question.objective)) {
      throw new CourseFileError(
        bankFile,
        `question "${question.id}" names objective "${question.objective}", which is not in ${MODULE_FILE}`,
      );
    }
  }
  const { quiz, id, order, title, summary, objectives } = front.data;
  if (quiz.drawSize > bankFileContent.data.questions.length) {
    throw new CourseFileError(
      moduleFile,
      `quiz.drawSize ${quiz.drawSize} is larger than the bank (${bankFileContent.data.questions.length} questions)`,
    );
  }
  const untested = objectives.filter(
    (objective) => !bankFileContent.data.questions.some((question) => question.objective === objective.id),
  );
  if (untested.length)
    throw new CourseFileError(
      moduleFile,
      `objective(s) ${untested.map((objective) => objective.id).join(', ')} not tested by any question in ${BANK_FILE}`,
    );
  if (options.itemRules) {
    const violations = itemRuleViolations(
      bankFileContent.data.questions,
      quiz.drawSize,
      objectives.map((objective) => objective.id),
    );
    if (violations.length) throw new CourseFileError(bankFile, violations.join('; '));
  }

  const hash = createHash('sha256').update(moduleText).update('\0').update(bankText);
  for (const figure of figures) hash.update('\0').update(figure);
  const contentVersion = hash.digest('hex').slice(0, 16);
  const questions = bankFileContent.data.questions.map(toBankQuestion);

  return {
    page: { id, order, title, summary, objectives, policy: quiz, contentVersion, bankSize: questions.length, sections, html },
    bank: { moduleId: id, title, order, contentVersion, policy: quiz, objectives, questions },
    authored: bankFileContent.data.questions,
  };
}

export interface CompileOptions {
  /**
   * Apply the item rules (item-rules.ts) to every bank: always for the course as published; not
   * for an archived earlier version, which is kept as it was.
   */
  itemRules: boolean;
}

/** Reads and validates every module folder under `root`; throws CourseFileError naming the first bad file. */
export function compileCourse(root: string, options: CompileOptions = { itemRules: true }): CompiledModule[] {
  const folders = readdirSync(root)
    .filter((name) => statSync(join(root, name)).isDirectory())
    .filter((name) => /^\d{2}-/.test(name))
    .sort();
  if (folders.length === 0) throw new CourseFileError('.', 'contains no module folders');

  const modules = folders.map((folder) => compileModule(root, folder, options));
  const ids = new Set<string>();
  for (const [index, compiled] of modules.entries()) {
    if (ids.has(compiled.page.id)) {
      throw new CourseFileError(join(folders[index], MODULE_FILE), `module id "${compiled.page.id}" is used twice`);
    }
    ids.add(compiled.page.id);
  }
  return modules.sort((a, b) => a.page.order - b.page.order);
}

export const ARCHIVE_DIR = 'archive';

/**
 * The banks of earlier content versions, from courses/archive/<module-id>/<version>.yaml, so an
 * attempt drawn from one can still be reviewed as it was shown. Each takes its module's current
 * quiz policy (what a review shows is decided now, not when it was drawn).
 */
export function compileArchives(root: string, modules: CompiledModule[]): QuestionBank[] {
  const dir = join(root, ARCHIVE_DIR);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((moduleId) =>
      readdirSync(join(dir, moduleId))
        .filter((name) => name.endsWith('.yaml'))
        .sort()
        .map((name) => {
          const file = join(ARCHIVE_DIR, moduleId, name);
          const parsed = archivedBankFileSchema.safeParse(parseYamlFile(file, readText(root, join(root, file))));
          if (!parsed.success) throw new CourseFileError(file, describeZodError(parsed.error));
          const archived = parsed.data;
          const current = modules.find(({ bank }) => bank.moduleId === archived.moduleId);
          if (!current || archived.moduleId !== moduleId)
            throw new CourseFileError(
              file,
              `archives module "${archived.moduleId}", which is not the module folder it is in or not in the course`,
            );
          if (name !== `${archived.contentVersion}.yaml`)
            throw new CourseFileError(file, `is named for a version other than the one it holds (${archived.contentVersion})`);
          const { order, policy } = current.bank;
          return {
            moduleId,
            title: archived.title,
            order,
            contentVersion: archived.contentVersion,
            policy,
            objectives: archived.objectives,
            questions: archived.questions.map(toBankQuestion),
          };
        }),
    );
}

const COVERAGE_FILE = 'coverage.yaml';

/** Checks courses/coverage.yaml: every statement is taught in a real section and tested by real items. */
export function checkCoverage(root: string, modules: CompiledModule[]): number {
  const coverage = coverageFileSchema.safeParse(parseYamlFile(COVERAGE_FILE, readText(root, join(root, COVERAGE_FILE))));
  if (!coverage.success) throw new CourseFileError(COVERAGE_FILE, describeZodError(coverage.error));
  const sections = new Set(modules.flatMap(({ page }) => page.sections.map((section) => `${page.id}#${section.id}`)));
  const questions = new Set(modules.flatMap(({ bank }) => bank.questions.map((question) => question.id)));
  const check = (where: string, taughtIn: string[], testedBy: string[]) => {
    const unknownSection = taughtIn.find((section) => !sections.has(section));
    if (unknownSection) throw new CourseFileError(COVERAGE_FILE, `${where}.taughtIn "${unknownSection}" is not a lesson section`);
    const missing = testedBy.filter((questionId) => !questions.has(questionId));
    if (missing.length) throw new CourseFileError(COVERAGE_FILE, `${where}.testedBy names unknown question(s) ${missing.join(', ')}`);
  };
  coverage.data.statements.forEach((entry, index) => check(`statements.${index}`, [entry.taughtIn], entry.testedBy));
  const topicIds = new Set<string>();
  coverage.data.topics.forEach((topic, index) => {
    if (topicIds.has(topic.id)) throw new CourseFileError(COVERAGE_FILE, `topics.${index}.id "${topic.id}" is used twice`);
    topicIds.add(topic.id);
    check(`topics.${index}`, topic.taughtIn, topic.testedBy);
  });
  return coverage.data.statements.length;
}

const COURSE_FILE = 'course.yaml';

/**
 * Reads courses/course.yaml (treatment areas and certification rules) and checks each area's
 * section is a real lesson section: the definition the certification functions and the web app use.
 */
export function compileCourseDefinition(root: string, modules: CompiledModule[]): CourseDefinition {
  const parsed = courseFileSchema.safeParse(parseYamlFile(COURSE_FILE, readText(root, join(root, COURSE_FILE))));
  if (!parsed.success) throw new CourseFileError(COURSE_FILE, describeZodError(parsed.error));
  const sections = new Set(modules.flatMap(({ page }) => page.sections.map((section) => `${page.id}#${section.id}`)));
  parsed.data.treatmentAreas.forEach((area, index) => {
    if (!sections.has(area.section))
      throw new CourseFileError(COURSE_FILE, `treatmentAreas.${index}.section "${area.section}" is not a lesson section`);
  });
  return {
    modules: modules
      .map(({ bank }) => ({ moduleId: bank.moduleId, title: bank.title, order: bank.order }))
      .sort((a, b) => a.order - b.order),
    treatmentAreas: parsed.data.treatmentAreas.map((area) => ({
      ...area,
      maxDepthUnsupervisedMm: area.maxDepthUnsupervisedMm ?? area.maxDepthMm,
    })),
    certification: parsed.data.certification,
  };
}
