import type { TestProject } from 'vitest/node';
import { startTestDynamo } from '../support/start-dynamo';

export default async function setup(project: TestProject) {
  const db = await startTestDynamo(project, 'cit-integration');
  return () => db.stop();
}
