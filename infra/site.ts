import { Duration, Fn, RemovalPolicy, Stack } from 'aws-cdk-lib';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  Function as CloudFrontFunction,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  OriginRequestPolicy,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { fileURLToPath } from 'node:url';
import { routes } from '../functions/core/api/routes';
import { buildOpenApiDocument } from '../functions/scripts/openapi/openapi';
import { API_CONTENT_SECURITY_POLICY, HSTS_MAX_AGE_SECONDS, contentSecurityPolicy, permissionsPolicy } from './site/security-headers';
import { VIEWER_REQUEST_FUNCTION_FILE } from './site/viewer-request';
import type { WebConfig } from './site/web-config';

export const SITE_BUILD_DIR = fileURLToPath(new URL('../web/build', import.meta.url));

export interface SiteProps {
  httpApi: HttpApi;
  /** Origins the browser fetches OpenID discovery and tokens from (for the CSP). */
  authOrigins: string[];
}

/** The web app: a private bucket behind CloudFront (OAC), with /api/* routed to the HTTP API. */
export class Site extends Construct {
  readonly distribution: Distribution;
  readonly bucket: Bucket;

  constructor(scope: Construct, id: string, props: SiteProps) {
    super(scope, id);

    const logs = new Bucket(this, 'AccessLogs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      // CloudFront standard logging writes with ACLs.
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(365) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.bucket = new Bucket(this, 'Assets', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      serverAccessLogsBucket: logs,
      serverAccessLogsPrefix: 'site-bucket/',
      // Rebuilt from the repository on every deploy.
      removalPolicy: RemovalPolicy.DESTROY,
    });

    const hsts = { accessControlMaxAge: Duration.seconds(HSTS_MAX_AGE_SECONDS), includeSubdomains: true, preload: true, override: true };
    const headers = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'CIT Academy security headers (infra/site/security-headers.ts)',
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy: contentSecurityPolicy(props.authOrigins), override: true },
        strictTransportSecurity: hsts,
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN, override: true },
      },
      customHeadersBehavior: { customHeaders: [{ header: 'permissions-policy', value: permissionsPolicy, override: true }] },
    });
    const apiHeaders = new ResponseHeadersPolicy(this, 'ApiSecurityHeaders', {
      comment: 'CIT Academy API security headers (apiSecurityHeaders in infra/site/security-headers.ts)',
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy: API_CONTENT_SECURITY_POLICY, override: true },
        strictTransportSecurity: hsts,
        contentTypeOptions: { override: true },
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.NO_REFERRER, override: true },
      },
    });

    const viewerRequest = new CloudFrontFunction(this, 'ViewerRequest', {
      runtime: FunctionRuntime.JS_2_0,
      code: FunctionCode.fromFile({ filePath: VIEWER_REQUEST_FUNCTION_FILE }),
      comment: 'Maps clean URLs to prerendered .html files',
    });

    // apiEndpoint is https://{id}.execute-api.{region}.amazonaws.com: CloudFront wants the host only.
    const apiHost = Fn.select(2, Fn.split('/', props.httpApi.apiEndpoint));

    const assets = S3BucketOrigin.withOriginAccessControl(this.bucket);
    // API documents that are static files (the OpenAPI document) come from the bucket, cached.
    const staticApiBehaviours = Object.fromEntries(
      routes
        .filter((spec) => spec.function === 'site')
        .map((spec) => [
          spec.path,
          {
            origin: assets,
            viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
            cachePolicy: CachePolicy.CACHING_OPTIMIZED,
            responseHeadersPolicy: headers,
            compress: true,
          },
        ]),
    );

    this.distribution = new Distribution(this, 'Distribution', {
      comment: `CIT Academy (${Stack.of(this).stackName})`,
      defaultRootObject: 'index.html',
      httpVersion: HttpVersion.HTTP2_AND_3,
      enableLogging: true,
      logBucket: logs,
      logFilePrefix: 'cloudfront/',
      defaultBehavior: {
        origin: assets,
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: headers,
        compress: true,
        functionAssociations: [{ function: viewerRequest, eventType: FunctionEventType.VIEWER_REQUEST }],
      },
      additionalBehaviors: {
        ...staticApiBehaviours,
        '/api/*': {
          origin: new HttpOrigin(apiHost),
          viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          cachePolicy: CachePolicy.CACHING_DISABLED,
          originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: apiHeaders,
          // Uncached responses are not compressed by CloudFront; the functions compress their own.
          compress: false,
        },
      },
    });
  }

  /** Uploads the built site with its run-time configuration and refreshes CloudFront. */
  publish(webConfig: WebConfig): void {
    new BucketDeployment(this, 'Deploy', {
      sources: [
        // The OpenAPI document the build wrote names the local origin; the deployed one names this distribution.
        Source.asset(SITE_BUILD_DIR, { exclude: ['api/openapi.json'] }),
        Source.jsonData('config.json', webConfig),
        Source.jsonData('api/openapi.json', buildOpenApiDocument({ origin: `https://${this.distribution.distributionDomainName}` })),
      ],
      destinationBucket: this.bucket,
      distribution: this.distribution,
      distributionPaths: ['/*'],
      memoryLimit: 512,
    });
  }
}
