import { join } from 'node:path';
import { K8S_DIR, renderKustomization, type K8sObject } from '../../src';

/** The lab's variant with the standalone sidecar as a native sidecar container (not one of the scenarios). */
export const NATIVE_SIDECAR_OVERLAY = 'v3-delays-native-sidecar';

let rendered: K8sObject[] | undefined;

/** k8s/overlays/v3-delays-native-sidecar as `kubectl apply -k` would send it (rendered once per test file). */
export function renderNativeSidecarOverlay(): K8sObject[] {
  rendered ??= renderKustomization(join(K8S_DIR, 'overlays', NATIVE_SIDECAR_OVERLAY));
  return rendered;
}
