import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Effect, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { fileURLToPath } from 'node:url';

// `npx -p node@22 -- npm test` (how CI runs the suite) exports npm_config_package=node@22, and
// NodejsFunction bundles through `npx --no-install esbuild`, which then tries to fetch node again
// and refuses. The variable only describes the outer npx call, so drop it before bundling.
delete process.env.npm_config_package;

/**
 * esbuild settings for every function. The benchmark and the bundle-size test build with these
 * too, so the sizes they report are the sizes CDK deploys.
 */
export const bundlingOptions = {
  format: OutputFormat.ESM,
  target: 'node22',
  minify: true,
  sourceMap: false,
  mainFields: ['module', 'main'],
  // The AWS SDK is bundled (not taken from the runtime) so the deployed code is the tested code.
  externalModules: [] as string[],
  // The SDK still calls require() for Node built-ins; an ESM bundle needs one to exist.
  banner: "import{createRequire}from'module';const require=createRequire(import.meta.url);",
};

/** A folder of data a function reads at run time, copied into its package beside the bundle. */
export interface FunctionData {
  /** Absolute path of the folder in the source tree. */
  from: string;
  /** Where it goes in the package, relative to the bundle (index.mjs). */
  to: string;
}

/** Shell commands that copy a function's data folders into its package after bundling. */
export const copyDataCommands = (data: FunctionData[], outputDir: string) =>
  data.flatMap(({ from, to }) => [`mkdir -p "${outputDir}/${to}"`, `cp -R "${from}/." "${outputDir}/${to}/"`]);

export interface PlatformFunctionProps {
  /** Folder under functions/ holding `handler.ts`. */
  name: string;
  /** Data it reads at run time (the question banks), copied beside its code. */
  data?: FunctionData[];
  description: string;
  memorySize: number;
  timeout: Duration;
  environment?: Record<string, string>;
}

/** A Lambda function with the platform's defaults: Node.js 22 on arm64, ESM, its own log group and role. */
export class PlatformFunction extends NodejsFunction {
  constructor(scope: Construct, id: string, props: PlatformFunctionProps) {
    const logGroup = new LogGroup(scope, `${id}Logs`, {
      retention: RetentionDays.ONE_YEAR,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // An explicit role instead of AWSLambdaBasicExecutionRole: it may write to its own log group only.
    const role = new Role(scope, `${id}Role`, {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Runs the ${props.name} function`,
    });
    role.addToPolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [logGroup.logGroupArn],
      }),
    );
    super(scope, id, {
      entry: fileURLToPath(new URL(`../functions/${props.name}/handler.ts`, import.meta.url)),
      handler: 'handler',
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize,
      timeout: props.timeout,
      description: props.description,
      logGroup,
      role,
      environment: props.environment,
      bundling: {
        ...bundlingOptions,
        ...(props.data?.length
          ? {
              commandHooks: {
                beforeBundling: () => [],
                beforeInstall: () => [],
                afterBundling: (_input: string, output: string) => copyDataCommands(props.data!, output),
              },
            }
          : {}),
      },
    });
  }
}
