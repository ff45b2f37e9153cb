import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { ensureBuilt } from './ensure-built';
import { PlatformStack } from './platform-stack';

// The functions bundle the compiled question banks and the site uploads web/build: both must exist.
ensureBuilt();

const app = new App();
new PlatformStack(app, 'CitAcademy', {
  description: 'CIT Academy: training and certification for microneedling practitioners',
});
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
app.synth();
