/**
 * `npm run courses:archive`: keeps the banks as they are now in courses/archive/, before their
 * content is changed, so attempts drawn from these versions can still be reviewed question by
 * question once the new content is published. Run it on the published content (for example a
 * checkout of the deployed commit, with COURSES_DIR) and commit what it writes. Existing archive
 * files are left as they are: an archive is never edited.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { ARCHIVE_DIR, compileCourse } from './course/compile';
import { COURSES_DIR } from '../core/course/paths';
import type { ArchivedBankFile } from './course/schema';

const source = process.env.COURSES_DIR ?? COURSES_DIR;
const target = join(process.env.ARCHIVE_INTO ?? COURSES_DIR, ARCHIVE_DIR);
const today = new Date().toISOString().slice(0, 10);

// Kept as published: the item rules of today's build are not applied to what was.
for (const { page, authored } of compileCourse(source, { itemRules: false })) {
  const file = join(target, page.id, `${page.contentVersion}.yaml`);
  if (existsSync(file)) {
    console.log(`courses:archive: ${page.id} ${page.contentVersion} already archived`);
    continue;
  }
  const archived: ArchivedBankFile = {
    moduleId: page.id,
    title: page.title,
    contentVersion: page.contentVersion,
    archivedOn: today,
    objectives: page.objectives,
    questions: authored,
  };
  mkdirSync(join(target, page.id), { recursive: true });
  writeFileSync(
    file,
    `# ${page.title}, version ${page.contentVersion}, as published; kept for reviews of attempts drawn from it. Do not edit.\n` +
      stringify(archived, { lineWidth: 0 }),
  );
  console.log(`courses:archive: ${page.id} ${page.contentVersion} archived (${authored.length} questions)`);
}
