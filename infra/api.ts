import { Duration } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { HttpApi, HttpMethod, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { Effect, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { functionRoutes, type FunctionName } from '../functions/core/api/routes';
import { QUESTION_BANKS_DIR, QUESTION_BANKS_PATH } from '../functions/core/course/paths';
import type { Auth } from './auth';
import type { Data, TableAccess } from './data';
import { PlatformFunction, type FunctionData } from './platform-function';

/** What each function is given: everything else it is denied. */
export interface FunctionSettings {
  description: string;
  /** 512 MB for every function: peak RSS is about 130 MB, and Lambda's CPU share grows with memory (README, Performance). */
  memoryMb: number;
  /** Longer than an AWS call can take to fail (an infra test checks it). */
  timeoutSeconds: number;
  /** Exactly the table actions and indexes its code uses; a test checks every SDK command it sends is granted. */
  table: TableAccess;
  /** Whether it checks ID tokens itself (with the issuer's keys captured at deploy time): every function but the public one. */
  verifiesTokens: boolean;
  /** The Cognito admin calls it makes on the user pool, if any. */
  userPool?: string[];
  /** Data it reads at run time, copied beside its code. */
  data?: FunctionData[];
}

export const FUNCTIONS: Record<FunctionName, FunctionSettings> = {
  quiz: {
    description: 'Quiz: serves attempts without answers, scores them, reviews and progress',
    memoryMb: 512,
    timeoutSeconds: 10,
    // Starts an attempt with its ledger (a transaction of two puts), records a submission with one
    // conditional UpdateItem, reads the ledger and attempts (the trainee's partition), finds an
    // attempt by id for a review (gsi3) and reads the trainee's profile to decide who may see it.
    table: { actions: ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:GetItem', 'dynamodb:Query'], indexes: ['gsi3'] },
    verifiesTokens: true,
    // The question banks with their keys (bundled-banks.ts).
    data: [{ from: QUESTION_BANKS_DIR, to: QUESTION_BANKS_PATH }],
  },
  accounts: {
    description: 'Accounts: who the caller is, organisations and invitations',
    memoryMb: 512,
    timeoutSeconds: 10,
    // People and organisations, and an idempotency claim with a new organisation (a transaction of puts).
    table: { actions: ['dynamodb:PutItem', 'dynamodb:GetItem', 'dynamodb:Query'], indexes: ['gsi1', 'gsi2'] },
    verifiesTokens: true,
    // Exactly the calls an invitation makes: create silently, add to the role's group, send (RESEND), undo.
    userPool: ['cognito-idp:AdminCreateUser', 'cognito-idp:AdminAddUserToGroup', 'cognito-idp:AdminDeleteUser'],
  },
  certification: {
    description: 'Certification: observed procedures, certificates (issue, renew, revoke), records and rosters',
    memoryMb: 512,
    timeoutSeconds: 10,
    // Reads the trainee's profile, attempts, procedures, certificate and history (their partition);
    // every change is one transaction of puts and updates with its history event; lists an
    // organisation's people and certificates for its roster (gsi1).
    table: { actions: ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:PutItem', 'dynamodb:UpdateItem'], indexes: ['gsi1'] },
    verifiesTokens: true,
  },
  verification: {
    description: 'Verification: public certificate check by code',
    memoryMb: 512,
    timeoutSeconds: 10,
    // Public and unauthenticated, so it may do exactly one thing: read a certificate by its key.
    table: { actions: ['dynamodb:GetItem'] },
    verifiesTokens: false,
  },
};

/** Steady-state and burst limits for the whole API stage (requests per second). */
export const API_THROTTLE = { rateLimit: 50, burstLimit: 100 };

/** `quiz` → `Quiz`: construct ids stay what they were, so a deployed stack keeps its functions. */
const constructName = (name: FunctionName) => `${name[0].toUpperCase()}${name.slice(1)}`;

/**
 * The HTTP API and the functions behind it, one per entry of FUNCTIONS. Routes, and which of them
 * need a token, come from the API contract in functions/core/api/routes.ts; `connect` adds them
 * once the user pool exists.
 */
export class Api extends Construct {
  readonly httpApi: HttpApi;
  readonly functions: Record<FunctionName, PlatformFunction>;
  private readonly integrations: Record<FunctionName, HttpLambdaIntegration>;

  constructor(scope: Construct, id: string, props: { data: Data }) {
    super(scope, id);
    const names = Object.keys(FUNCTIONS) as FunctionName[];
    this.functions = Object.fromEntries(
      names.map((name) => {
        const settings = FUNCTIONS[name];
        const fn = new PlatformFunction(this, `${constructName(name)}Function`, {
          name,
          description: settings.description,
          memorySize: settings.memoryMb,
          timeout: Duration.seconds(settings.timeoutSeconds),
          data: settings.data,
        });
        props.data.bindTable(fn, settings.table);
        return [name, fn];
      }),
    ) as Record<FunctionName, PlatformFunction>;
    this.integrations = Object.fromEntries(
      names.map((name) => [name, new HttpLambdaIntegration(`${constructName(name)}Integration`, this.functions[name])]),
    ) as Record<FunctionName, HttpLambdaIntegration>;

    this.httpApi = new HttpApi(this, 'HttpApi', {
      description: 'CIT Academy API',
      createDefaultStage: false,
      // Unknown /api paths, and methods no route declares, reach the quiz function: 404 or 405 problem+json.
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
   * Routes with their authorizer; the token settings of the functions that check tokens (with
   * the issuer's keys captured at deploy time); the user pool rights of those that need them.
   */
  connect(auth: Auth): void {
    for (const [name, settings] of Object.entries(FUNCTIONS) as [FunctionName, FunctionSettings][]) {
      const fn = this.functions[name];
      if (settings.verifiesTokens) {
        fn.addEnvironment('AUTH_ISSUER', auth.userPool.userPoolProviderUrl);
        fn.addEnvironment('AUTH_AUDIENCE', auth.webClient.userPoolClientId);
        fn.addEnvironment('AUTH_JWKS', auth.issuerKeys.jwks);
      }
      if (settings.userPool) {
        fn.addEnvironment('USER_POOL_ID', auth.userPool.userPoolId);
        fn.addToRolePolicy(
          new PolicyStatement({ effect: Effect.ALLOW, actions: settings.userPool, resources: [auth.userPool.userPoolArn] }),
        );
      }
    }

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
