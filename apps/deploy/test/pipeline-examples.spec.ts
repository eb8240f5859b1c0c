import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { REPO_ROOT, validateK8sObject, type K8sObject } from '../src';

const EXAMPLE = join(REPO_ROOT, 'apps', 'mirrormesh', 'examples', 'pipeline', 'argo-rollouts-analysis-template.yaml');

// The CLI's own tests check that the command in it is one the CLI accepts (apps/mirrormesh/test/pipeline-examples.spec.ts).
describe('the Argo Rollouts example of the shadow gate', () => {
  it('validates against the AnalysisTemplate schema, strictly, offline', async () => {
    await expect(validateK8sObject(parse(readFileSync(EXAMPLE, 'utf8')) as K8sObject)).resolves.toBeUndefined();
  });

  it('would refuse a container command with a number in it', async () => {
    const template = readFileSync(EXAMPLE, 'utf8').replace("- '3'", '- 3').replace('- "3"', '- 3');
    await expect(validateK8sObject(parse(template) as K8sObject)).rejects.toThrow(/command\/11 must be string/);
  });
});
