export {
  DeployCheckError,
  KubectlNotFoundError,
  KustomizeRenderError,
  ManifestSchemaError,
  ComposeSchemaError,
  ScenarioExpectationError,
} from './errors';
export {
  REPO_ROOT,
  K8S_DIR,
  DOCKER_DIR,
  COMPOSE_FILE,
  HOST_NETWORK_COMPOSE_FILE,
  SCENARIOS,
  overlayDir,
  type Scenario,
} from './repo-paths';
export { type K8sObject, isK8sObject, describeObject } from './k8s-object';
export { renderKustomization, parseManifests, KUSTOMIZE_TIMEOUT_MS, type RenderOptions } from './kustomize';
export { knownKinds, loadModel, type ModelClass } from './k8s-models';
export { validateK8sObject } from './k8s-schema';
export { validateWithUnknownFields, type UnknownField } from './unknown-fields';
export { readComposeFile, validateComposeDocument } from './compose-schema';
export {
  unmetExpectations,
  formatSummary,
  EXPECTATION_LIMITS,
  LIVE_VERSION_TAG,
  MIRROR_VERSION_TAGS,
  REVIEWS_REQUEST,
  type SummaryRow,
} from './scenario-expectations';
export { verifyScenario, fetchSummary, DEFAULT_VERIFY_TIMEOUT_MS, type VerifyOptions } from './verify-scenario';
export { withoutPortsOnHostNetwork } from './host-network-compose';
export { selects, type LabelSelector } from './label-selector';
export {
  objectsOfKind,
  type ContainerView,
  type DeploymentView,
  type PodDisruptionBudgetView,
  type NetworkPolicyView,
  type NetworkPolicyPeer,
} from './workload-shapes';
export { rolloutViolations, ROLLOUT_RULES } from './rollout-rules';
export { ingressAllowed, type PolicyPod, type PolicySource } from './network-policy';
