import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { eventFor, type BenchRequest } from './events';
import { median, percentile, round } from './stats';

const PROBE = fileURLToPath(new URL('./cold-start-probe.mjs', import.meta.url));

export interface ColdStart {
  runs: number;
  medianMs: number;
  p90Ms: number;
  medianInitMs: number;
}

interface Sample {
  initMs: number;
  totalMs: number;
  status: number;
}

const runProcess = promisify(execFile);

/**
 * Fresh Node processes that import a bundle and handle one event (a submission's conditional
 * UpdateItem, a verification's GetItem, each next to the floor doing the same one call),
 * interleaved so both see the same machine noise.
 * Asynchronous, because this process also runs the local stack the functions talk to.
 */
export async function measureColdStarts(
  bundles: { name: string; path: string; event: () => BenchRequest; expectStatus: number }[],
  runs: number,
  env: NodeJS.ProcessEnv,
  workDir: string,
  progress: (done: number) => void,
): Promise<Record<string, ColdStart>> {
  const samples: Record<string, Sample[]> = Object.fromEntries(bundles.map((bundle) => [bundle.name, []]));
  for (let run = 0; run < runs; run += 1) {
    for (const bundle of bundles) {
      const eventFile = join(workDir, `event-${bundle.name}.json`);
      writeFileSync(eventFile, JSON.stringify(eventFor(bundle.event())));
      const { stdout: output } = await runProcess(process.execPath, [PROBE, bundle.path, eventFile], { env, encoding: 'utf8' });
      const sample = JSON.parse(output) as Sample;
      if (sample.status !== bundle.expectStatus) throw new Error(`${bundle.name} cold start answered ${sample.status}`);
      samples[bundle.name].push(sample);
    }
    progress(run + 1);
  }
  return Object.fromEntries(
    Object.entries(samples).map(([name, list]) => [
      name,
      {
        runs: list.length,
        medianMs: round(median(list.map((sample) => sample.totalMs))),
        p90Ms: round(
          percentile(
            list.map((sample) => sample.totalMs),
            90,
          ),
        ),
        medianInitMs: round(median(list.map((sample) => sample.initMs))),
      },
    ]),
  );
}
