import { Duration } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { HttpApi, HttpMethod, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { Effect, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { functionRoutes, type FunctionName } from '../functions/core/api/routes';
import type { Auth } from './auth';
import type { Data } from './data';
import { PlatformFunction } from './platform-function';
import { QUESTION_BANKS_DIR, QUESTION_BANKS_PATH } from '../functions/core/course/paths';

export interface ApiProps {
  data: Data;
}

/** Quiz function memory, chosen from the benchmark's peak RSS (README, Performance). */
export const QUIZ_MEMORY_MB = 512;
/** Verification function memory, likewise (README, Performance). */
export const VERIFICATION_MEMORY_MB = 512;

/** Steady-state and burst limits for the whole API stage (requests per second). */
export const API_THROTTLE = { rateLimit: 50, burstLimit: 100 };

/**
 * The HTTP API and the functions behind it. Routes, and which of them need a token, come from the
 * API contract in functions/core/api/routes.ts; `connect` adds them once the user pool exists.
 */
export class Api extends Construct {
  readonly httpApi: HttpApi;
  readonly functions: Record<FunctionName, PlatformFunction>;
  private readonly integrations: Record<FunctionName, HttpLambdaIntegration>;

  constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id);

    const quiz = new PlatformFunction(this, 'QuizFunction', {
      name: 'quiz',
      // The question banks with their keys, read as data beside the code (bundled-banks.ts).
      data: [{ from: QUESTION_BANKS_DIR, to: QUESTION_BANKS_PATH }],
      description: 'Serves quiz questions without answers, scores attempts and lists them',
      memorySize: QUIZ_MEMORY_MB,
      timeout: Duration.seconds(10),
    });
    // Puts an issued attempt, records its submission with one conditional UpdateItem, lists a
    // trainee's attempts (their partition), finds an attempt by id for a review (gsi3) and reads
    // the trainee's profile to decide who may see it.
    props.data.bindTable(quiz, ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:GetItem', 'dynamodb:Query'], { indexes: ['gsi3'] });

    const accounts = new PlatformFunction(this, 'AccountsFunction', {
      name: 'accounts',
      description: 'Accounts, organisations and invitations',
      memorySize: 512,
      timeout: Duration.seconds(10),
    });
    props.data.bindTable(accounts, ['dynamodb:PutItem', 'dynamodb:GetItem', 'dynamodb:Query'], { indexes: ['gsi1', 'gsi2'] });

    const certification = new PlatformFunction(this, 'CertificationFunction', {
      name: 'certification',
      description: 'Observed practical assessments; issues and revokes certificates',
      memorySize: 512,
      timeout: Duration.seconds(10),
    });
    // Reads the trainee's profile, attempts, assessments and certificate (their partition); appends
    // an assessment (PutItem); issues or revokes both copies of a certificate in one transaction,
    // whose Put and Update items IAM checks as PutItem and UpdateItem; lists an organisation's
    // people and certificates for its roster (gsi1).
    props.data.bindTable(certification, ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:PutItem', 'dynamodb:UpdateItem'], { indexes: ['gsi1'] });

    const verification = new PlatformFunction(this, 'VerificationFunction', {
      name: 'verification',
      description: 'Public certificate verification by code',
      memorySize: VERIFICATION_MEMORY_MB,
      timeout: Duration.seconds(10),
    });
    // Public and unauthenticated, so it may do exactly one thing: read a certificate by its key.
    props.data.bindTable(verification, ['dynamodb:GetItem']);

    this.functions = { quiz, accounts, certification, verification };
    this.integrations = {
      quiz: new HttpLambdaIntegration('QuizIntegration', quiz),
      accounts: new HttpLambdaIntegration('AccountsIntegration', accounts),
      certification: new HttpLambdaIntegration('CertificationIntegration', certification),
      verification: new HttpLambdaIntegration('VerificationIntegration', verification),
    };

    this.httpApi = new HttpApi(this, 'HttpApi', {
      description: 'CIT Academy API',
      createDefaultStage: false,
      // Unknown /api paths reach the quiz function, which answers with a problem+json 404.
      defaultIntegration: this.integrations.quiz,
    });

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

  /**
   * Routes with their authorizer, token settings for the functions (they verify tokens again,
   * with the issuer's keys captured at deploy time),
   * and the accounts function's Cognito rights: exactly the admin calls an invitation makes.
   */
  connect(auth: Auth): void {
    // Every function but public verification checks tokens.
    for (const fn of [this.functions.quiz, this.functions.accounts, this.functions.certification]) {
      fn.addEnvironment('AUTH_ISSUER', auth.userPool.userPoolProviderUrl);
      fn.addEnvironment('AUTH_AUDIENCE', auth.webClient.userPoolClientId);
      fn.addEnvironment('AUTH_JWKS', auth.issuerKeys.jwks);
    }
    this.functions.accounts.addEnvironment('USER_POOL_ID', auth.userPool.userPoolId);
    this.functions.accounts.addToRolePolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ['cognito-idp:AdminCreateUser', 'cognito-idp:AdminAddUserToGroup', 'cognito-idp:AdminDeleteUser'],
        resources: [auth.userPool.userPoolArn],
      }),
    );

    const authorizer = new HttpUserPoolAuthorizer('CognitoAuthorizer', auth.userPool, { userPoolClients: [auth.webClient] });
    for (const spec of functionRoutes()) {
      this.httpApi.addRoutes({
        path: spec.path,
        methods: [spec.method === 'get' ? HttpMethod.GET : HttpMethod.POST],
        integration: this.integrations[spec.function],
        ...(spec.access === 'public' ? {} : { authorizer }),
      });
    }
  }
}
