import { CustomResource, Duration } from 'aws-cdk-lib';
import { Provider } from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import { PlatformFunction } from './platform-function';

export interface IssuerKeysProps {
  /** The OpenID issuer whose /.well-known/jwks.json to read. */
  issuer: string;
}

/**
 * The issuer's public signing keys, read once at deploy time (functions/issuer-keys), so the API
 * functions verify tokens without fetching the keys on every cold start.
 */
export class IssuerKeys extends Construct {
  /** The key set as JSON, for the functions' AUTH_JWKS. */
  readonly jwks: string;
  readonly reader: PlatformFunction;
  readonly provider: Provider;

  constructor(scope: Construct, id: string, props: IssuerKeysProps) {
    super(scope, id);
    this.reader = new PlatformFunction(this, 'Reader', {
      name: 'issuer-keys',
      description: "Reads the user pool's public signing keys at deploy time",
      memorySize: 256,
      timeout: Duration.seconds(30),
    });
    this.provider = new Provider(this, 'Provider', { onEventHandler: this.reader });
    const keys = new CustomResource(this, 'Keys', { serviceToken: this.provider.serviceToken, properties: { Issuer: props.issuer } });
    this.jwks = keys.getAttString('Jwks');
  }
}
