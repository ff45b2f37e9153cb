import { Stack, Validations } from 'aws-cdk-lib';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { AwsSolutionsChecks } from 'cdk-nag';
import { App } from 'aws-cdk-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { QUESTION_BANKS_DIR, QUESTION_BANKS_PATH } from '../../functions/core/course/paths';
import { course } from '../../functions/core/course/generated/course';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import type { CfnQueue } from 'aws-cdk-lib/aws-sqs';
import { functionRoutes, routes, type FunctionName } from '../../functions/core/api/routes';
import { bundle, deployedFunctionNames, functionEntry, type DeployedFunction } from '../support/bundle';
import { tableSchema } from '../../functions/core/store/table-schema';
import { API_THROTTLE } from '../../infra/api';
import { WORST_CASE_AWS_CALL_MS } from '../../functions/core/aws/client-settings';
import { ROLES } from '../../functions/core/auth/principal';
import { API_CONTENT_SECURITY_POLICY } from '../../infra/site/security-headers';
import { REMINDER_SCHEDULE } from '../../infra/reminders';
import type { PlatformStack } from '../../infra/platform-stack';
import { synthPlatform } from './synth';

let template: Template;
let stack: PlatformStack;
let app: App;

beforeAll(() => {
  ({ template, stack, app } = synthPlatform());
});

describe('data', () => {
  it('is one on-demand, encrypted, recoverable, retained table built from the shared definition', () => {
    template.resourceCountIs('AWS::DynamoDB::Table', 1);
    template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: {
        BillingMode: 'PAY_PER_REQUEST',
        DeletionProtectionEnabled: true,
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        SSESpecification: { SSEEnabled: true },
        KeySchema: [
          { AttributeName: tableSchema.partitionKey, KeyType: 'HASH' },
          { AttributeName: tableSchema.sortKey, KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: tableSchema.globalSecondaryIndexes.map((index) =>
          Match.objectLike({
            IndexName: index.indexName,
            KeySchema: [
              { AttributeName: index.partitionKey, KeyType: 'HASH' },
              { AttributeName: index.sortKey, KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: index.projection },
          }),
        ),
        TimeToLiveSpecification: { AttributeName: tableSchema.timeToLiveAttribute, Enabled: true },
      },
    });
  });
});

type Resource = { Properties: Record<string, unknown> };

/** A deployed function's construct: one of the API's, or the expiry reminders'. */
const functionConstruct = (name: DeployedFunction) =>
  name === 'reminders' ? stack.reminders.function : stack.api.functions[name as FunctionName];

/** A function's resource in the template, found through the construct that made it. */
function functionResource(name: DeployedFunction): Resource {
  const logicalId = stack.getLogicalId(functionConstruct(name).node.defaultChild as CfnFunction);
  return template.findResources('AWS::Lambda::Function')[logicalId] as Resource;
}

/** The statements of every policy attached to the function's role. */
function statementsOf(fn: Resource) {
  const roleRef = (fn.Properties.Role as { 'Fn::GetAtt': string[] })['Fn::GetAtt'][0];
  expect(template.findResources('AWS::IAM::Role')[roleRef].Properties.ManagedPolicyArns).toBeUndefined();
  return Object.values(template.findResources('AWS::IAM::Policy'))
    .filter((policy) => JSON.stringify(policy.Properties.Roles).includes(roleRef))
    .flatMap((policy) => policy.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[]);
}

describe('quiz function', () => {
  const quizFunction = () => functionResource('quiz');

  it('runs Node.js 22 on arm64 with explicit memory, timeout and its own log group', () => {
    expect(quizFunction().Properties).toMatchObject({
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      MemorySize: expect.any(Number),
      Timeout: expect.any(Number),
      LoggingConfig: { LogGroup: expect.anything() },
      Environment: { Variables: { TABLE_NAME: expect.anything() } },
    });
  });

  it('carries the question banks as data beside its code, where bundled-banks.ts reads them', () => {
    const code = (functionResource('quiz').Properties as { Code: { S3Key: string } }).Code.S3Key;
    const packageDir = join(app.outdir, `asset.${code.replace(/\.zip$/, '')}`);
    expect(existsSync(join(packageDir, 'index.mjs'))).toBe(true);
    const packaged = readdirSync(join(packageDir, QUESTION_BANKS_PATH)).sort();
    expect(packaged).toEqual(readdirSync(QUESTION_BANKS_DIR).sort());
    // Each module's current bank, and the archived versions its earlier attempts are reviewed from.
    expect(packaged.filter((file) => !file.includes('@'))).toEqual(course.modules.map((module) => `${module.moduleId}.json.br`).sort());
  });

  it('may only put, update, get and query the table (gsi3 by name, no wildcards) and write its own logs', () => {
    const statements = statementsOf(quizFunction());
    const actions = statements.flatMap((statement) => [statement.Action].flat()).sort();
    expect(actions).toEqual([
      'dynamodb:GetItem',
      'dynamodb:PutItem',
      'dynamodb:Query',
      'dynamodb:UpdateItem',
      'logs:CreateLogStream',
      'logs:PutLogEvents',
    ]);
    expect(JSON.stringify(statements)).toContain('/index/gsi3');
    expect(JSON.stringify(statements)).not.toContain('/index/gsi1');
    expect(JSON.stringify(statements)).not.toMatch(/"\*"|index\/\*/);
  });
});

describe('certification function', () => {
  it(
    'may get, query, put and update the table (a certificate is issued and revoked in one ' +
      'transaction of puts or updates) and query gsi1 (the roster), nothing else',
    () => {
      const statements = statementsOf(functionResource('certification'));
      expect(statements.flatMap((statement) => [statement.Action].flat()).sort()).toEqual([
        'dynamodb:GetItem',
        'dynamodb:PutItem',
        'dynamodb:Query',
        'dynamodb:UpdateItem',
        'logs:CreateLogStream',
        'logs:PutLogEvents',
      ]);
      expect(JSON.stringify(statements)).toContain('/index/gsi1');
      expect(JSON.stringify(statements)).not.toMatch(/index\/gsi[23]|index\/\*|"\*"/);
    },
  );
});

describe('verification function', () => {
  it('is public, so it may do one thing only: get an item from the table', () => {
    const statements = statementsOf(functionResource('verification'));
    expect(statements.flatMap((statement) => [statement.Action].flat()).sort()).toEqual([
      'dynamodb:GetItem',
      'logs:CreateLogStream',
      'logs:PutLogEvents',
    ]);
    expect(JSON.stringify(statements)).not.toMatch(/index\/|"\*"/);
  });
});

describe('function permissions', () => {
  // DynamoDB Local and the local provider do not enforce IAM, so a missing grant would only show
  // in AWS. Every SDK command a function's bundled code can send must be allowed by its role.
  const actionOf = (command: string) =>
    ({
      Get: 'dynamodb:GetItem',
      Put: 'dynamodb:PutItem',
      Update: 'dynamodb:UpdateItem',
      Delete: 'dynamodb:DeleteItem',
      Query: 'dynamodb:Query',
      Scan: 'dynamodb:Scan',
      SendEmail: 'ses:SendEmail',
    })[command] ?? (command.startsWith('Admin') ? `cognito-idp:${command}` : `unknown:${command}`);
  // IAM has no TransactWriteItems action: each item in a transaction is checked as what it is.
  const transactionItemActions = (code: string) =>
    code.includes('TransactWriteCommand(')
      ? [...code.matchAll(/\b(Put|Update|Delete|ConditionCheck):\s*\{/g)].map((match) =>
          match[1] === 'ConditionCheck' ? 'dynamodb:ConditionCheckItem' : actionOf(match[1]),
        )
      : [];

  it.each(deployedFunctionNames())('%s may send every command its code sends', async (name) => {
    const { sources } = await bundle(functionEntry(name));
    const commands = new Set(
      sources
        .filter((source) => source.startsWith('functions/'))
        .map((source) => readFileSync(source, 'utf8'))
        .flatMap((code) => [
          ...[...code.matchAll(/new (\w+)Command\(/g)]
            .map((match) => match[1])
            .filter((command) => command !== 'TransactWrite')
            .map(actionOf),
          ...transactionItemActions(code),
        ]),
    );
    const granted = statementsOf(functionResource(name)).flatMap((statement) => [statement.Action].flat());
    expect(commands.size).toBeGreaterThan(0);
    expect([...commands].filter((action) => !granted.includes(action))).toEqual([]);
  });
});

describe('function timeouts', () => {
  it.each(deployedFunctionNames())(
    '%s outlasts its longest AWS call by a margin, so a stalled store fails fast rather than times out',
    (name) => {
      const fn = functionResource(name) as { Properties: { Timeout: number } };
      // Room for the token check, the first failing call and the 503 itself.
      expect(fn.Properties.Timeout * 1000).toBeGreaterThanOrEqual(WORST_CASE_AWS_CALL_MS + 3_000);
    },
  );
});

describe('expiry reminders', () => {
  const reminderFunction = () => functionResource('reminders');
  const logicalId = () => stack.getLogicalId(stack.reminders.function.node.defaultChild as CfnFunction);
  const queueId = () => stack.getLogicalId(stack.reminders.deadLetters.node.defaultChild as CfnQueue);

  it('take the SES identity and From address as stack parameters', () => {
    template.hasParameter('SesIdentityArn', { Type: 'String', AllowedPattern: Match.stringLikeRegexp(':ses:') });
    template.hasParameter('ReminderFromAddress', { Type: 'String' });
    expect(reminderFunction().Properties).toMatchObject({
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      Timeout: 300,
      Environment: {
        Variables: {
          TABLE_NAME: expect.anything(),
          SES_IDENTITY_ARN: { Ref: 'SesIdentityArn' },
          REMINDER_FROM_ADDRESS: { Ref: 'ReminderFromAddress' },
          SITE_URL: { 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [expect.stringMatching(/^SiteDistribution/), 'DomainName'] }]] },
        },
      },
    });
  });

  it('run every morning at 07:00 UK time: the schedule targets the function, with retries and a dead-letter queue', () => {
    expect(REMINDER_SCHEDULE).toMatchObject({ hour: '7', minute: '0' });
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(0 7 * * ? *)',
      ScheduleExpressionTimezone: 'Europe/London',
      State: 'ENABLED',
      FlexibleTimeWindow: { Mode: 'OFF' },
      Target: {
        Arn: { 'Fn::GetAtt': [logicalId(), 'Arn'] },
        RoleArn: Match.anyValue(),
        RetryPolicy: { MaximumRetryAttempts: 3, MaximumEventAgeInSeconds: 21_600 },
        DeadLetterConfig: { Arn: { 'Fn::GetAtt': [queueId(), 'Arn'] } },
      },
    });
    template.resourceCountIs('AWS::Scheduler::Schedule', 1);
    // A failed run is retried twice by Lambda, then lands on the same queue; alarms watch both.
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: logicalId() },
      MaximumRetryAttempts: 2,
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [queueId(), 'Arn'] } } },
    });
    template.hasResourceProperties('AWS::SQS::Queue', { SqsManagedSseEnabled: true });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'Errors',
      Namespace: 'AWS/Lambda',
      Dimensions: [{ Name: 'FunctionName', Value: { Ref: logicalId() } }],
      Threshold: 1,
    });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [queueId(), 'QueueName'] } }],
    });
    // The scheduler's role may invoke this function, and send to the queue, only.
    const schedule = Object.values(template.findResources('AWS::Scheduler::Schedule'))[0] as Resource;
    const schedulerRole = (schedule.Properties.Target as { RoleArn: { 'Fn::GetAtt': string[] } }).RoleArn['Fn::GetAtt'][0];
    const schedulerStatements = Object.values(template.findResources('AWS::IAM::Policy'))
      .filter((policy) => JSON.stringify(policy.Properties.Roles).includes(schedulerRole))
      .flatMap((policy) => policy.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[]);
    expect(schedulerStatements.flatMap((statement) => [statement.Action].flat()).sort()).toEqual([
      'lambda:InvokeFunction',
      'sqs:SendMessage',
    ]);
    expect(JSON.stringify(schedulerStatements)).not.toMatch(/"\*"/);
  });

  it('may query gsi4 and gsi1, get, put and update the table, send email only from the identity and From address, and nothing else', () => {
    const statements = statementsOf(reminderFunction());
    expect(statements.flatMap((statement) => [statement.Action].flat()).sort()).toEqual([
      'dynamodb:GetItem',
      'dynamodb:PutItem',
      'dynamodb:Query',
      'dynamodb:UpdateItem',
      'logs:CreateLogStream',
      'logs:PutLogEvents',
      'ses:SendEmail',
      // The failure destination: Lambda sends a failed run's event to the dead-letter queue with the function's role.
      'sqs:GetQueueAttributes',
      'sqs:GetQueueUrl',
      'sqs:SendMessage',
    ]);
    const table = JSON.stringify(statements.filter((statement) => JSON.stringify(statement.Action).includes('dynamodb')));
    expect(table).toContain('/index/gsi4');
    expect(table).toContain('/index/gsi1');
    expect(table).not.toMatch(/index\/gsi[23]|index\/\*|"\*"/);
    expect(statements.filter((statement) => JSON.stringify(statement.Action).includes('ses:'))).toEqual([
      {
        Action: 'ses:SendEmail',
        Effect: 'Allow',
        Resource: { Ref: 'SesIdentityArn' },
        Condition: { StringEquals: { 'ses:FromAddress': { Ref: 'ReminderFromAddress' } } },
      },
    ]);
    const queue = statements.filter((statement) => JSON.stringify(statement.Action).includes('sqs:'));
    expect(queue.map((statement) => statement.Resource)).toEqual([{ 'Fn::GetAtt': [queueId(), 'Arn'] }]);
  });

  it('find due certificates in the sparse, keys-only gsi4 of the one table', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      GlobalSecondaryIndexes: Match.arrayWith([
        {
          IndexName: 'gsi4',
          KeySchema: [
            { AttributeName: 'gsi4pk', KeyType: 'HASH' },
            { AttributeName: 'gsi4sk', KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'KEYS_ONLY' },
        },
      ]),
    });
  });
});

describe('accounts function', () => {
  it('may create, group and delete users in this user pool only, and nothing else in Cognito', () => {
    const accounts = functionResource('accounts');
    expect(accounts.Properties).toMatchObject({ Runtime: 'nodejs22.x', Environment: { Variables: { USER_POOL_ID: expect.anything() } } });
    const statements = statementsOf(accounts);
    const cognito = statements.filter((statement) => JSON.stringify(statement.Action).includes('cognito-idp'));
    expect(cognito).toHaveLength(1);
    expect([cognito[0].Action].flat().sort()).toEqual([
      'cognito-idp:AdminAddUserToGroup',
      'cognito-idp:AdminCreateUser',
      'cognito-idp:AdminDeleteUser',
    ]);
    expect(JSON.stringify(cognito[0].Resource)).toContain('UserPool');
  });
});

describe('HTTP API', () => {
  it('has a route for every function operation in the contract, plus $default; each protected one behind the Cognito JWT authorizer', () => {
    for (const route of functionRoutes()) {
      template.hasResourceProperties('AWS::ApiGatewayV2::Route', {
        RouteKey: `${route.method.toUpperCase()} ${route.path}`,
        AuthorizationType: route.access === 'public' ? 'NONE' : 'JWT',
      });
    }
    template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: '$default' });
    template.resourceCountIs('AWS::ApiGatewayV2::Route', functionRoutes().length + 1);
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: { Audience: [Match.anyValue()], Issuer: Match.anyValue() },
    });
  });

  it('logs access and throttles the stage', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('requestId') },
      DefaultRouteSettings: { ThrottlingRateLimit: API_THROTTLE.rateLimit, ThrottlingBurstLimit: API_THROTTLE.burstLimit },
    });
  });
});

describe('site', () => {
  it('keeps the bucket private and reachable only through CloudFront origin access control', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      LoggingConfiguration: Match.anyValue(),
    });
    template.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
  });

  it('serves HTTPS only, routes /api/* to the HTTP API uncached, and adds security headers', () => {
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        DefaultCacheBehavior: Match.objectLike({
          ViewerProtocolPolicy: 'redirect-to-https',
          ResponseHeadersPolicyId: Match.anyValue(),
          FunctionAssociations: [Match.objectLike({ EventType: 'viewer-request' })],
        }),
        CacheBehaviors: [
          ...routes
            .filter((route) => route.function === 'site')
            .map((route) => Match.objectLike({ PathPattern: route.path, ViewerProtocolPolicy: 'https-only' })),
          Match.objectLike({
            PathPattern: '/api/*',
            ViewerProtocolPolicy: 'https-only',
            AllowedMethods: Match.arrayWith(['POST']),
            CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad', // Managed-CachingDisabled
          }),
        ],
        Logging: Match.anyValue(),
      }),
    });
    template.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: Match.objectLike({
        SecurityHeadersConfig: Match.objectLike({
          ContentSecurityPolicy: { ContentSecurityPolicy: Match.anyValue(), Override: true },
          StrictTransportSecurity: Match.objectLike({ IncludeSubdomains: true, Override: true }),
          FrameOptions: { FrameOption: 'DENY', Override: true },
        }),
      }),
    });
  });

  it('gives API responses their own short security headers and leaves their compression to the functions', () => {
    template.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: Match.objectLike({
        SecurityHeadersConfig: Match.objectLike({
          ContentSecurityPolicy: { ContentSecurityPolicy: API_CONTENT_SECURITY_POLICY, Override: true },
          ReferrerPolicy: { ReferrerPolicy: 'no-referrer', Override: true },
        }),
      }),
    });
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        CacheBehaviors: Match.arrayWith([
          Match.objectLike({ PathPattern: '/api/*', Compress: false, ResponseHeadersPolicyId: Match.anyValue() }),
        ]),
      }),
    });
  });
});

describe('auth (Cognito)', () => {
  it('is an invitation-only user pool with a strong password policy and TOTP available', () => {
    template.hasResource('AWS::Cognito::UserPool', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        AdminCreateUserConfig: Match.objectLike({ AllowAdminCreateUserOnly: true }),
        Policies: {
          PasswordPolicy: Match.objectLike({
            MinimumLength: 12,
            RequireLowercase: true,
            RequireUppercase: true,
            RequireNumbers: true,
            RequireSymbols: true,
          }),
        },
        MfaConfiguration: 'OPTIONAL',
        EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
        UsernameAttributes: ['email'],
        Schema: Match.arrayWith([Match.objectLike({ Name: 'org', AttributeDataType: 'String', Mutable: true })]),
      }),
    });
  });

  it('has one group per role', () => {
    for (const role of ROLES) template.hasResourceProperties('AWS::Cognito::UserPoolGroup', { GroupName: role });
    template.resourceCountIs('AWS::Cognito::UserPoolGroup', ROLES.length);
  });

  it('gives the web app a public client: code flow only, no secret, callback on the site, no writing of the organisation', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: false,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthScopes: ['openid', 'email', 'profile', 'aws.cognito.signin.user.admin'],
      SupportedIdentityProviders: ['COGNITO'],
      PreventUserExistenceErrors: 'ENABLED',
      CallbackURLs: [{ 'Fn::Join': ['', Match.arrayWith([Match.stringLikeRegexp('/auth/callback$')])] }],
      WriteAttributes: ['name'],
    });
  });

  it("captures the pool's public keys at deploy time for the API functions (AUTH_JWKS)", () => {
    template.resourceCountIs('AWS::CloudFormation::CustomResource', 1);
    const [keysId] = Object.keys(
      template.findResources('AWS::CloudFormation::CustomResource', { Properties: { Issuer: Match.anyValue() } }),
    );
    const variablesOf = (fn: CfnFunction) =>
      (
        (template.findResources('AWS::Lambda::Function')[stack.getLogicalId(fn)] as Resource).Properties.Environment as {
          Variables: Record<string, unknown>;
        }
      ).Variables;
    const { verification, ...verifying } = stack.api.functions;
    for (const fn of Object.values(verifying))
      expect(variablesOf(fn.node.defaultChild as CfnFunction).AUTH_JWKS).toEqual({ 'Fn::GetAtt': [keysId, 'Jwks'] });
    // Public verification takes no tokens, so it gets no token settings.
    expect(Object.keys(variablesOf(verification.node.defaultChild as CfnFunction)).filter((name) => name.startsWith('AUTH_'))).toEqual([]);
    const reader = statementsOf(
      template.findResources('AWS::Lambda::Function')[
        stack.getLogicalId(stack.auth.issuerKeys.reader.node.defaultChild as CfnFunction)
      ] as Resource,
    );
    expect(reader.flatMap((statement) => [statement.Action].flat()).sort()).toEqual(['logs:CreateLogStream', 'logs:PutLogEvents']);
  });

  it('serves managed login on a Cognito domain', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolDomain', { ManagedLoginVersion: 2 });
    template.resourceCountIs('AWS::Cognito::ManagedLoginBranding', 1);
  });
});

describe('cdk-nag (AWS Solutions)', () => {
  it('passes, and every acknowledgement gives a specific reason', () => {
    const reasons = stack.node
      .findAll()
      .flatMap((construct) => construct.node.metadata.filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY))
      .flatMap((entry) => Object.entries(entry.data as Record<string, string>));
    expect(reasons.length).toBeGreaterThan(0);
    for (const [rule, reason] of reasons) {
      expect(reason.length, `${rule} needs a specific reason`).toBeGreaterThan(60);
    }
  });

  it('fails synthesis on an unacknowledged finding (the check is live)', () => {
    const app = new App();
    const insecure = new Stack(app, 'Insecure');
    new Bucket(insecure, 'Unlogged');
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
    expect(() => app.synth()).toThrow();
  });
});
