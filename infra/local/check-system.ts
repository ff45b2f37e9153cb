/**
 * `npm start` and `npm test` run this first: `tsx infra/local/check-system.ts start|test`. It
 * installs what is missing (root on Debian/Ubuntu, with apt-get, printing what it installs and
 * apt's own progress), or stops with the one command to run.
 */
import { spawnSync } from 'node:child_process';
import { machineProbe, pickPackage, planFor, type Purpose } from './system-needs';

const purpose = process.argv[2] as Purpose;
if (purpose !== 'start' && purpose !== 'test') {
  console.error('usage: check-system.ts start|test');
  process.exit(2);
}

const apt = (args: string[]) =>
  spawnSync('apt-get', args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }).status === 0;

let plan = planFor(purpose, machineProbe);
if (plan.action === 'install') {
  console.log(`▸ npm ${purpose}: ${plan.missing.map((need) => need.name).join(' and ')} missing; updating the package lists…`);
  if (!apt(['update', '-qq'])) {
    console.error('✖ apt-get update failed; see above.');
    process.exit(1);
  }
  // Now that the lists are current, take the first package name this distribution has.
  plan = planFor(purpose, machineProbe, (need) => pickPackage(need, machineProbe));
  if (plan.action === 'install') {
    console.log(`▸ ${plan.announcement}`);
    if (!apt(['install', '-y', '-q', '--no-install-recommends', ...plan.packages])) {
      console.error(`✖ apt-get install ${plan.packages.join(' ')} failed; see above.`);
      process.exit(1);
    }
    plan = planFor(purpose, machineProbe);
  }
}
if (plan.action === 'stop') {
  console.error(`✖ ${plan.message}`);
  process.exit(1);
}
if (plan.action === 'install') {
  console.error(`✖ ${plan.missing.map((need) => need.name).join(' and ')} still missing after installing ${plan.packages.join(' ')}.`);
  process.exit(1);
}
