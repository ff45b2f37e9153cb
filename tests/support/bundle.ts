import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { functionRoutes, type FunctionName } from '../../functions/core/api/routes';
import { bundlingOptions } from '../../infra/platform-function';

/** Each function may be at most this many times the floor's minified size. */
export const SIZE_BUDGET_RATIO = 1.25;

export const FLOOR_ENTRY = fileURLToPath(new URL('./floor/handler.ts', import.meta.url));

/** Every deployed function with its own folder under functions/: the API's, and the scheduled expiry reminders. */
export type DeployedFunction = FunctionName | 'reminders';

/**
 * Each function is compared with a floor that carries the same AWS SDK clients it needs: the
 * DynamoDB floor, for the accounts function the DynamoDB + Cognito floor, for the reminders the
 * DynamoDB + SES floor (without Hono, as the reminders have no HTTP).
 */
export const floorEntry = (name: DeployedFunction) =>
  name === 'accounts'
    ? fileURLToPath(new URL('./floor/with-cognito.ts', import.meta.url))
    : name === 'reminders'
      ? fileURLToPath(new URL('./floor/with-ses.ts', import.meta.url))
      : FLOOR_ENTRY;
export const functionEntry = (name: DeployedFunction) => fileURLToPath(new URL(`../../functions/${name}/handler.ts`, import.meta.url));
/** The functions behind the API, from the route contract. */
export const functionNames = (): FunctionName[] => [...new Set(functionRoutes().map((route) => route.function))];
/** Every function the stack deploys from functions/<name>/handler.ts (not the deploy-time issuer-keys reader). */
export const deployedFunctionNames = (): DeployedFunction[] => [...functionNames(), 'reminders'];

export interface Bundle {
  code: string;
  bytes: number;
  gzipBytes: number;
  /** The source files that made it into the bundle, relative to the repository. */
  sources: string[];
}

/** Bundles an entry exactly as NodejsFunction does with the platform's bundling options. */
export async function bundle(entry: string): Promise<Bundle> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    platform: 'node',
    format: 'esm',
    target: bundlingOptions.target,
    minify: bundlingOptions.minify,
    mainFields: bundlingOptions.mainFields,
    banner: { js: bundlingOptions.banner },
    external: bundlingOptions.externalModules,
    outfile: 'index.mjs',
    logLevel: 'silent',
    metafile: true,
  });
  const code = result.outputFiles[0].text;
  const sources = Object.keys(result.metafile.outputs['index.mjs'].inputs);
  return { code, bytes: Buffer.byteLength(code), gzipBytes: gzipSync(code).length, sources };
}
