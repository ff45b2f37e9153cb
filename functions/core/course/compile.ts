import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import matter from 'gray-matter';
import { Marked } from 'marked';
import { getHeadingList, gfmHeadingId, resetHeadings } from 'marked-gfm-heading-id';
import { parse as parseYaml } from 'yaml';
import type { ZodError } from 'zod';
import { moduleFrontmatterSchema, questionBankFileSchema } from './schema';
import type { ModulePage, QuestionBank } from './types';

export interface CompiledModule {
  page: ModulePage;
  bank: QuestionBank;
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
  return error.issues
    .map((issue) => `${issue.path.length ? issue.path.join('.') : '(root)'} ${issue.message}`)
    .join('; ');
}

function readText(root: string, path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    throw new CourseFileError(relative(root, path), 'is missing or unreadable');
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

function compileModule(root: string, folder: string): CompiledModule {
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

  let rawBank: unknown;
  try {
    rawBank = parseYaml(bankText);
  } catch (error) {
    throw new CourseFileError(bankFile, `is not valid YAML (${(error as Error).message})`);
  }
  const bankFileContent = questionBankFileSchema.safeParse(rawBank);
  if (!bankFileContent.success) throw new CourseFileError(bankFile, describeZodError(bankFileContent.error));

  const { html, sections } = renderLesson(parsedModule.content);
  const sectionIds = new Set(sections.map((section) => section.id));
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
  }

  const contentVersion = createHash('sha256').update(moduleText).update('\0').update(bankText).digest('hex').slice(0, 16);
  const { id, order, title, summary, objectives, passMark } = front.data;
  const questions = bankFileContent.data.questions.map((question) => ({
    id: question.id,
    type: question.type,
    section: question.section,
    prompt: question.prompt,
    options: question.options.map(({ id: optionId, text }) => ({ id: optionId, text })),
    correctOptionIds: question.options.filter((option) => option.correct).map((option) => option.id),
    explanation: question.explanation,
  }));

  return {
    page: { id, order, title, summary, objectives, passMark, contentVersion, questionCount: questions.length, sections, html },
    bank: { moduleId: id, title, passMark, contentVersion, questions },
  };
}

/** Reads and validates every module folder under `root`; throws CourseFileError naming the first bad file. */
export function compileCourse(root: string): CompiledModule[] {
  const folders = readdirSync(root)
    .filter((name) => statSync(join(root, name)).isDirectory())
    .sort();
  if (folders.length === 0) throw new CourseFileError('.', 'contains no module folders');

  const modules = folders.map((folder) => compileModule(root, folder));
  const ids = new Set<string>();
  for (const [index, compiled] of modules.entries()) {
    if (ids.has(compiled.page.id)) {
      throw new CourseFileError(join(folders[index], MODULE_FILE), `module id "${compiled.page.id}" is used twice`);
    }
    ids.add(compiled.page.id);
  }
  return modules.sort((a, b) => a.page.order - b.page.order);
}
