import { spawnSync } from 'node:child_process';
import { parseAllDocuments } from 'yaml';
import { KubectlNotFoundError, KustomizeRenderError } from './errors';
import { isK8sObject, type K8sObject } from './k8s-object';

/** Rendering a kustomization is quick; a hung kubectl must not hang the suite. */
export const KUSTOMIZE_TIMEOUT_MS = 15_000;
/** Rendered output of our overlays is a few tens of KB. */
const MAX_OUTPUT_BYTES = 16 * 1024 * 1024;

export interface RenderOptions {
  /** The kubectl binary; defaults to $KUBECTL, then `kubectl` on PATH. */
  readonly kubectl?: string;
  readonly env?: NodeJS.ProcessEnv;
}

/** Renders a kustomization directory with `kubectl kustomize` into its objects, in order. */
export function renderKustomization(dir: string, options: RenderOptions = {}): K8sObject[] {
  const env = options.env ?? process.env;
  const kubectl = options.kubectl ?? env['KUBECTL'] ?? 'kubectl';
  const result = spawnSync(kubectl, ['kustomize', dir], {
    encoding: 'utf8',
    env,
    timeout: KUSTOMIZE_TIMEOUT_MS,
    maxBuffer: MAX_OUTPUT_BYTES,
  });
  if (result.error !== undefined) {
    if ((result.error as NodeJS.ErrnoException).code === 'ENOENT') throw new KubectlNotFoundError(kubectl);
    throw new KustomizeRenderError(dir, result.error.message);
  }
  if (result.status !== 0) throw new KustomizeRenderError(dir, result.stderr.trim() || `exit code ${String(result.status)}`);
  return parseManifests(result.stdout, dir);
}

/** Parses multi-document YAML into Kubernetes objects; anything else is a render error. */
export function parseManifests(text: string, source: string): K8sObject[] {
  const objects: K8sObject[] = [];
  for (const [index, doc] of parseAllDocuments(text).entries()) {
    if (doc.errors.length > 0) throw new KustomizeRenderError(source, `document ${index}: ${doc.errors[0]?.message ?? 'invalid YAML'}`);
    const value: unknown = doc.toJS();
    if (value === null || value === undefined) continue;
    if (!isK8sObject(value))
      throw new KustomizeRenderError(source, `document ${index} is not a Kubernetes object (apiVersion, kind, metadata.name)`);
    objects.push(value);
  }
  return objects;
}
