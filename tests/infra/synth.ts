import { App, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { PlatformStack } from '../../infra/platform-stack';

/** Synthesizes the platform as `cdk synth` does, with cdk-nag's AWS Solutions checks. */
export function synthPlatform() {
  const app = new App();
  const stack = new PlatformStack(app, 'CitAcademyTest');
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  app.synth();
  return { app, stack, template: Template.fromStack(stack) };
}
