import { Duration } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { HttpApi, HttpMethod, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { routes, type FunctionName } from '../functions/core/api/routes';
import type { Data } from './data';
import { PlatformFunction } from './platform-function';

export interface ApiProps {
  data: Data;
}

/** Quiz function memory, chosen from the benchmark's peak RSS (README, Performance). */
export const QUIZ_MEMORY_MB = 512;

/** Steady-state and burst limits for the whole API stage (requests per second). */
export const API_THROTTLE = { rateLimit: 50, burstLimit: 100 };

/** The HTTP API and the functions behind it. Routes come from the API contract in functions/core/api. */
export class Api extends Construct {
  readonly httpApi: HttpApi;
  readonly functions: Record<FunctionName, PlatformFunction>;

  constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id);

    const quiz = new PlatformFunction(this, 'QuizFunction', {
      name: 'quiz',
      description: 'Serves quiz questions without answers and scores submitted attempts',
      memorySize: QUIZ_MEMORY_MB,
      timeout: Duration.seconds(10),
    });
    // Scoring writes each attempt with one conditional PutItem and never reads or updates.
    props.data.bindTable(quiz, ['dynamodb:PutItem']);
    this.functions = { quiz };

    const integrations = {
      quiz: new HttpLambdaIntegration('QuizIntegration', quiz),
    } satisfies Record<FunctionName, HttpLambdaIntegration>;

    this.httpApi = new HttpApi(this, 'HttpApi', {
      description: 'CIT Academy API',
      createDefaultStage: false,
      // Unknown /api paths reach the quiz function, which answers with a problem+json 404.
      defaultIntegration: integrations.quiz,
    });
    for (const spec of routes) {
      this.httpApi.addRoutes({
        path: spec.path,
        methods: [spec.method === 'get' ? HttpMethod.GET : HttpMethod.POST],
        integration: integrations[spec.function],
      });
    }

    const accessLogs = new LogGroup(this, 'AccessLogs', { retention: RetentionDays.ONE_YEAR });
    new HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: API_THROTTLE,
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.jsonWithStandardFields(),
      },
    });
  }
}
