import { Validations, type Stack } from 'aws-cdk-lib';
import type { CfnBucket } from 'aws-cdk-lib/aws-s3';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import type { IConstruct } from 'constructs';
import { routes } from '../functions/core/api/routes';
import { CfnRoute } from 'aws-cdk-lib/aws-apigatewayv2';
import type { Api } from './api';
import type { Auth } from './auth';
import type { Reminders } from './reminders';
import type { Site } from './site';

const nag = (rule: string) => `AwsSolutions::AwsSolutions-${rule}`;

/**
 * Every cdk-nag finding we accept, each with its reason, in one file so a reviewer reads them all.
 * Anything not listed here fails `cdk synth` and the infra tests.
 */
export function acknowledgeFindings(stack: Stack, parts: { api: Api; site: Site; auth: Auth; reminders: Reminders }): void {
  for (const fn of [...Object.values(parts.api.functions), parts.reminders.function]) {
    Validations.of(fn).acknowledge({
      id: nag('L1'),
      reason:
        'Production is standardised on Node.js 22 (the runtime the test suite runs on in CI); moving to a newer runtime is a deliberate, tested change.',
    });
  }

  // Only routes the contract declares public (and $default, which answers 404) lack the authorizer.
  const publicRouteKeys = new Set([
    ...routes.filter((route) => route.access === 'public').map((route) => `${route.method.toUpperCase()} ${route.path}`),
    '$default',
  ]);
  for (const node of parts.api.httpApi.node.findAll()) {
    if (node instanceof CfnRoute && publicRouteKeys.has(node.routeKey)) {
      Validations.of(node).acknowledge({
        id: nag('APIG4'),
        reason:
          `${node.routeKey} is public by design (declared access 'public' in functions/core/api/routes.ts); ` +
          'every other route has the Cognito JWT authorizer.',
      });
    }
  }

  Validations.of(parts.auth.userPool).acknowledge(
    {
      id: nag('COG2'),
      reason:
        'TOTP MFA is available to every user; requiring it of trainees would block ' +
        'invitation-based onboarding, so the web app asks supervisors and admins to enrol instead.',
    },
    {
      id: nag('COG8'),
      reason:
        'Essentials plan: managed login, groups and TOTP are what the platform uses; threat ' +
        'protection (Plus) is a cost decision for launch, not needed for the invitation-only pool.',
    },
  );

  Validations.of(parts.site.distribution).acknowledge(
    {
      id: nag('CFR1'),
      reason: 'Clinics and practitioners in any country must be able to verify certificates; no geographic restriction applies.',
    },
    {
      id: nag('CFR2'),
      reason:
        'Abuse is bounded by the HTTP API stage throttle; a WAF web ACL must be created in us-east-1 and is added when a custom domain is attached.',
    },
    {
      id: nag('CFR4'),
      reason:
        'Until a custom domain and ACM certificate are attached the distribution uses the default ' +
        '*.cloudfront.net certificate, whose TLS policy CloudFront sets and cannot be raised.',
    },
  );

  // BucketDeployment's handler is a CDK-managed singleton at stack level: its runtime and
  // policies are set by aws-cdk-lib, and it runs only during deployments.
  const deploymentHandlers = stack.node.children.filter((child: IConstruct) => child.node.id.startsWith('Custom::CDKBucketDeployment'));
  const siteBucket = stack.getLogicalId(parts.site.bucket.node.defaultChild as CfnBucket);
  const copyReason =
    'CDK-managed BucketDeployment handler: aws-cdk-lib generates these grants to copy the ' +
    'built site from the CDK asset bucket into the site bucket; it runs only while deploying.';
  for (const handler of deploymentHandlers) {
    Validations.of(handler).acknowledge(
      {
        id: nag('L1'),
        reason: 'Runtime of the CDK-managed BucketDeployment handler is chosen by aws-cdk-lib; it runs only while deploying.',
      },
      {
        id: nag('IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]'),
        reason:
          'CDK-managed BucketDeployment handler writes its own logs through AWSLambdaBasicExecutionRole; aws-cdk-lib does not let us replace it.',
      },
      ...['Action::s3:GetObject*', 'Action::s3:GetBucket*', 'Action::s3:List*', 'Action::s3:DeleteObject*', 'Action::s3:Abort*'].map(
        (finding) => ({
          id: nag(`IAM5[${finding}]`),
          reason: copyReason,
        }),
      ),
      { id: nag('IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-<AWS::Region>/*]'), reason: copyReason },
      { id: nag(`IAM5[Resource::<${siteBucket}.Arn>/*]`), reason: copyReason },
      {
        id: nag('IAM5[Resource::*]'),
        reason:
          'CDK-managed BucketDeployment handler needs cloudfront:CreateInvalidation/GetInvalidation, ' +
          'which aws-cdk-lib grants on * ; it runs only while deploying.',
      },
    );
  }

  // Expiry reminders: the queue is the dead-letter queue itself (of the schedule and of the
  // function's asynchronous invocations); EventBridge Scheduler's role, which aws-cdk-lib creates
  // once per stack for Lambda targets, may invoke the reminder function and its versions only.
  Validations.of(parts.reminders.deadLetters).acknowledge({
    id: nag('SQS3'),
    reason:
      'This queue is the dead-letter queue: of the reminder schedule (invocations Scheduler could not make) and of the ' +
      "reminder function's failed asynchronous invocations; a dead-letter queue has no dead-letter queue of its own.",
  });
  const reminderFunction = stack.getLogicalId(parts.reminders.function.node.defaultChild as CfnFunction);
  for (const role of stack.node.children.filter((child: IConstruct) => child.node.id.startsWith('SchedulerRoleForTarget'))) {
    Validations.of(role).acknowledge({
      id: nag(`IAM5[Resource::<${reminderFunction}.Arn>:*]`),
      reason:
        'aws-cdk-lib grants the EventBridge Scheduler role lambda:InvokeFunction on the one reminder function and its ' +
        'versions (function ARN + :*), nothing else; the schedule invokes the unqualified function.',
    });
  }

  // The issuer-keys custom resource: the CDK Provider framework's own function relays events to
  // our reader (a PlatformFunction, acknowledged for L1 like the API functions above).
  const keys = parts.auth.issuerKeys;
  Validations.of(keys.reader).acknowledge({
    id: nag('L1'),
    reason: 'Production is standardised on Node.js 22, like the API functions; the reader runs only while deploying.',
  });
  const readerArn = stack.getLogicalId(keys.reader.node.defaultChild as CfnFunction);
  Validations.of(keys.provider).acknowledge(
    { id: nag('L1'), reason: 'Runtime of the CDK Provider framework function is chosen by aws-cdk-lib; it runs only while deploying.' },
    {
      id: nag('IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]'),
      reason:
        'The CDK Provider framework function writes its own logs through AWSLambdaBasicExecutionRole; aws-cdk-lib does not let us replace it.',
    },
    {
      id: nag(`IAM5[Resource::<${readerArn}.Arn>:*]`),
      reason:
        'aws-cdk-lib lets the Provider framework invoke any version of the one reader function it relays to (function ARN + :*); nothing else.',
    },
  );
}
