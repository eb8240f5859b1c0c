import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { parseProxyConfig } from '@mirrormesh/proxy';
import { K8S_DIR, renderKustomization, validateK8sObject, type K8sObject } from '../src';
import { env, get, type Deployment } from './support/objects';

const DOC = join(K8S_DIR, 'SIDECAR-FORMS.md');

/** The doc's ```yaml file=NAME blocks: what a user copies beside their manifests. */
function docFiles(): Map<string, string> {
  const files = new Map<string, string>();
  for (const match of readFileSync(DOC, 'utf8').matchAll(/^```yaml file=(\S+)\n([\s\S]*?)^```$/gm)) files.set(match[1]!, match[2]!);
  return files;
}

/** A workload of someone else's that calls bookservice by the URL in BOOKSERVICE_URL. */
const WORKLOAD = `apiVersion: apps/v1
kind: Deployment
metadata: { name: reviews }
spec:
  selector: { matchLabels: { app: reviews } }
  template:
    metadata: { labels: { app: reviews } }
    spec:
      securityContext: { runAsNonRoot: true, runAsUser: 10001 }
      containers:
        - name: app
          image: example/reviews:1.0.0
          env:
            - name: BOOKSERVICE_URL
              value: http://bookservice
`;

describe('k8s/SIDECAR-FORMS.md: the native sidecar in front of any workload, as the doc tells a user to apply it', () => {
  let objects: K8sObject[];

  beforeAll(() => {
    const dir = mkdtempSync(join(tmpdir(), 'mirrormesh-any-workload-'));
    try {
      writeFileSync(join(dir, 'deployment.yaml'), WORKLOAD);
      for (const [name, text] of docFiles()) writeFileSync(join(dir, name), text);
      objects = renderKustomization(dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('has the three files a user needs', () => {
    expect([...docFiles().keys()].sort()).toEqual(['kustomization.yaml', 'native-sidecar.yaml', 'sidecar.yaml']);
  });

  it('renders objects that pass the strict offline schema check', async () => {
    const failures: string[] = [];
    for (const object of objects) await validateK8sObject(object).catch((error: Error) => failures.push(error.message));
    expect(failures).toEqual([]);
  });

  it('puts the sidecar in the target workload as a native sidecar, the app’s bookservice calls through it', () => {
    const pod = get<Deployment>(objects, 'Deployment', 'reviews').spec.template.spec;
    const sidecar = pod.initContainers?.[0];
    expect(sidecar).toMatchObject({ name: 'sidecar', restartPolicy: 'Always' });
    const configMap = objects.find((o) => o.kind === 'ConfigMap') as (K8sObject & { data: Record<string, string> }) | undefined;
    expect(pod.volumes?.find((v) => v.configMap !== undefined)?.configMap?.name).toBe(configMap?.metadata.name);
    const config = parseProxyConfig(parse(configMap?.data['sidecar.yaml'] ?? '') as unknown);
    expect(pod.containers.map((c) => c.name)).toEqual(['app']);
    expect(env(pod.containers[0]!, 'BOOKSERVICE_URL')?.value).toBe(`http://${config.listener.host}:${config.listener.port}`);
    const adminPort = sidecar?.ports?.find((p) => p.name === 'admin')?.containerPort;
    expect(adminPort).toBe(config.admin.port);
    expect([sidecar?.startupProbe?.httpGet?.port, sidecar?.readinessProbe?.httpGet?.port]).toEqual(['admin', 'admin']);
    expect(env(sidecar!, 'ADMIN_WRITES')?.value).toBe('false');
  });
});
