import { ManifestSchemaError, parseManifests, validateK8sObject } from '../src';

/** One object from inline YAML, as kustomize would render it. */
const object = (yaml: string) => parseManifests(yaml, 'inline')[0]!;

const DEPLOYMENT_WITH_READINES_PROBE = `apiVersion: apps/v1
kind: Deployment
metadata: { name: typo }
spec:
  selector: { matchLabels: { app: typo } }
  template:
    metadata: { labels: { app: typo } }
    spec:
      containers:
        - name: typo
          image: mirrormesh/book-service:0.1.0
          readinesProbe: { httpGet: { path: /health/ready, port: 8080 } }
`;

const VIRTUAL_SERVICE_WITH_MIRROR_PERCENTAG = `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: { name: typo }
spec:
  hosts: [bookservice]
  http:
    - route: [{ destination: { host: bookservice } }]
      mirror: { host: bookservicemirror }
      mirrorPercentag: { value: 100 }
`;

const DESTINATION_RULE_WITH_CONNECTION_POL = `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: { name: typo }
spec:
  host: bookservicemirror
  trafficPolicy:
    connectionPol: { http: { http1MaxPendingRequests: 1000 } }
`;

describe('a misspelt field fails the schema check, naming the object, the path and the field', () => {
  it('Deployment with readinesProbe (sic)', () => {
    const run = () => validateK8sObject(object(DEPLOYMENT_WITH_READINES_PROBE));
    expect(run).toThrow(ManifestSchemaError);
    expect(run).toThrow('Deployment/typo: spec/template/spec/containers/0 has an unknown field "readinesProbe"');
  });

  it('VirtualService with mirrorPercentag (sic)', () => {
    expect(() => validateK8sObject(object(VIRTUAL_SERVICE_WITH_MIRROR_PERCENTAG))).toThrow(
      'VirtualService/typo: spec/http/0 has an unknown field "mirrorPercentag"',
    );
  });

  it('DestinationRule with connectionPol (sic)', () => {
    expect(() => validateK8sObject(object(DESTINATION_RULE_WITH_CONNECTION_POL))).toThrow(
      'DestinationRule/typo: spec/trafficPolicy has an unknown field "connectionPol"',
    );
  });

  it('still accepts free-form maps: labels, annotations, resource quantities, ConfigMap data', () => {
    const configMap = object(`apiVersion: v1
kind: ConfigMap
metadata: { name: free, labels: { anyLabel: x }, annotations: { any.example/annotation: y } }
data: { any-key.yaml: "z" }
`);
    expect(() => validateK8sObject(configMap)).not.toThrow();
  });
});
