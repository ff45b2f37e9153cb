import { build } from 'esbuild';
import { bundlingOptions } from '../infra/platform-function';
const r = await build({ entryPoints: [process.argv[2]], bundle: true, write: false, platform: 'node', format: 'esm', target: bundlingOptions.target, minify: true, mainFields: bundlingOptions.mainFields, external: bundlingOptions.externalModules, outfile: 'index.mjs', logLevel: 'silent', metafile: true });
const inputs = r.metafile.outputs['index.mjs'].inputs;
const rows = Object.entries(inputs).map(([k, v]) => [k, v.bytesInOutput] as const).sort((a, b) => b[1] - a[1]);
const groups = new Map<string, number>();
for (const [k, v] of rows) { const g = k.startsWith('functions/') ? k : k.replace(/^node_modules\/((@[^/]+\/)?[^/]+).*/, '$1'); groups.set(g, (groups.get(g) ?? 0) + v); }
console.log([...groups].sort((a, b) => b[1] - a[1]).slice(0, 45).map(([k, v]) => `${v}\t${k}`).join('\n'));
console.log('total', r.outputFiles[0].text.length);
