import type { TestProject } from 'vitest/node';
import { setupLocalStack } from '../support/local-stack-setup';

export default (project: TestProject) => setupLocalStack(project, 'cit-e2e');
