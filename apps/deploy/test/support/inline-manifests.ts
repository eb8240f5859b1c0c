import { parseManifests, type K8sObject } from '../../src';

/** One object from inline YAML, as kustomize would render it. */
export const inlineObject = (yaml: string): K8sObject => parseManifests(yaml, 'inline')[0]!;

/** A minimal valid Deployment named `name` whose one container also has `containerFields` (YAML, one field a line). */
export function inlineDeployment(name: string, containerFields: string): K8sObject {
  return inlineObject(`apiVersion: apps/v1
kind: Deployment
metadata: { name: ${name} }
spec:
  selector: { matchLabels: { app: ${name} } }
  template:
    metadata: { labels: { app: ${name} } }
    spec:
      containers:
        - name: ${name}
          image: mirrormesh/book-service:0.1.0
          ${containerFields}
`);
}
