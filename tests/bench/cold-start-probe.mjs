// Run in a fresh Node process per sample: import a Lambda bundle and handle one API Gateway v2
// event, as a cold Lambda does after the runtime has booted. Prints one JSON line.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const [bundlePath, eventPath] = process.argv.slice(2);
const event = JSON.parse(readFileSync(eventPath, 'utf8'));
const started = performance.now();
const { handler } = await import(pathToFileURL(bundlePath).href);
const imported = performance.now();
const response = await handler(event, { awsRequestId: 'bench', functionName: 'bench' });
const handled = performance.now();
process.stdout.write(
  JSON.stringify({
    initMs: imported - started,
    firstInvokeMs: handled - imported,
    totalMs: handled - started,
    status: response.statusCode,
  }),
);
