import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { K8S_DIR, REPO_ROOT } from '../src';

describe('k8s/overlays/LogAnalyticsQuery.md', () => {
  it('is the same file as the collector keeps in apps/collector/queries', () => {
    const beside = readFileSync(join(K8S_DIR, 'overlays', 'LogAnalyticsQuery.md'), 'utf8');
    expect(beside).toBe(readFileSync(join(REPO_ROOT, 'apps', 'collector', 'queries', 'LogAnalyticsQuery.md'), 'utf8'));
  });

  it('holds the lab query that compares the versions by VersionTag', () => {
    const text = readFileSync(join(K8S_DIR, 'overlays', 'LogAnalyticsQuery.md'), 'utf8').replace(/\s+/g, ' ');
    expect(text).toContain(
      'requests | where customDimensions["VersionTag"] contains "MIR-" | summarize duration = avg(duration), requestCount = count() by name, podVersion = tostring(customDimensions["VersionTag"]), resultCode',
    );
  });
});
