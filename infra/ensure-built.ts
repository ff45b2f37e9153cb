import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { GENERATED_BANKS_FILE } from '../functions/core/course/paths';
import { SITE_BUILD_DIR } from './site';

/** Runs `npm run build` when its outputs are missing, so `npx cdk synth` works on a fresh clone. */
export function ensureBuilt(): void {
  if (existsSync(GENERATED_BANKS_FILE) && existsSync(`${SITE_BUILD_DIR}/index.html`)) return;
  console.error('cdk: course banks or web build missing; running `npm run build` first…');
  execSync('npm run build', { stdio: ['ignore', 'inherit', 'inherit'] });
}
