import { ManifestSchemaError, validateK8sObject } from '../src';
import { inlineDeployment, inlineObject as object } from './support/inline-manifests';

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
  it('Deployment with readinesProbe (sic)', async () => {
    const run = validateK8sObject(inlineDeployment('typo', 'readinesProbe: { httpGet: { path: /health/ready, port: 8080 } }'));
    await expect(run).rejects.toThrow(ManifestSchemaError);
    await expect(run).rejects.toThrow('Deployment/typo: spec/template/spec/containers/0 has an unknown field "readinesProbe"');
  });

  it('VirtualService with mirrorPercentag (sic)', async () => {
    await expect(validateK8sObject(object(VIRTUAL_SERVICE_WITH_MIRROR_PERCENTAG))).rejects.toThrow(
      'VirtualService/typo: spec/http/0 has an unknown field "mirrorPercentag"',
    );
  });

  it('DestinationRule with connectionPol (sic)', async () => {
    await expect(validateK8sObject(object(DESTINATION_RULE_WITH_CONNECTION_POL))).rejects.toThrow(
      'DestinationRule/typo: spec/trafficPolicy has an unknown field "connectionPol"',
    );
  });

  it.each([
    [
      'PodDisruptionBudget with maxUnavailabe (sic)',
      'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: { name: typo }\nspec: { maxUnavailabe: 1, selector: { matchLabels: { app: x } } }\n',
      'PodDisruptionBudget/typo: spec has an unknown field "maxUnavailabe"',
    ],
    [
      'NetworkPolicy with a misspelt podSelecter in a peer',
      'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: { name: typo }\nspec: { podSelector: {}, ingress: [{ from: [{ podSelecter: {} }] }] }\n',
      'NetworkPolicy/typo: spec/ingress/0/from/0 has an unknown field "podSelecter"',
    ],
    [
      'ServiceAccount with automountServiceAccountTokens (sic)',
      'apiVersion: v1\nkind: ServiceAccount\nmetadata: { name: typo }\nautomountServiceAccountTokens: false\n',
      'ServiceAccount/typo: the object has an unknown field "automountServiceAccountTokens"',
    ],
  ])('%s', async (_name, yaml, message) => {
    await expect(validateK8sObject(object(yaml))).rejects.toThrow(message);
  });

  it('still accepts free-form maps: labels, annotations, resource quantities, ConfigMap data', async () => {
    const configMap = object(`apiVersion: v1
kind: ConfigMap
metadata: { name: free, labels: { anyLabel: x }, annotations: { any.example/annotation: y } }
data: { any-key.yaml: "z" }
`);
    await expect(validateK8sObject(configMap)).resolves.toBeUndefined();
  });
});
