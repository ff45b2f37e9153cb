import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { GENERATED_BANKS_FILE, GENERATED_COURSE_FILE, QUESTION_BANKS_DIR } from '../functions/core/course/paths';
import { GENERATED_OPENAPI_FILE } from '../functions/scripts/openapi/paths';
import { SITE_BUILD_DIR } from './site';

/** Runs `npm run build` when its outputs are missing, so `npx cdk synth` works on a fresh clone. */
export function ensureBuilt(): void {
  if (
    [GENERATED_BANKS_FILE, GENERATED_COURSE_FILE, QUESTION_BANKS_DIR, GENERATED_OPENAPI_FILE, `${SITE_BUILD_DIR}/index.html`].every(
      (file) => existsSync(file),
    )
  )
    return;
  console.error('cdk: course banks, OpenAPI document or web build missing; running `npm run build` first…');
  execSync('npm run build', { stdio: ['ignore', 'inherit', 'inherit'] });
}
