/** Base of every error of the deployment checks; `code` is stable for callers and tests. */
export class DeployCheckError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** kubectl (which carries kustomize) is not on PATH. */
export class KubectlNotFoundError extends DeployCheckError {
  constructor(command: string) {
    super(
      'KUBECTL_NOT_FOUND',
      `"${command}" was not found on PATH: the Kustomize checks render k8s/ with \`kubectl kustomize\`; install kubectl (https://kubernetes.io/docs/tasks/tools/) or set KUBECTL to its path`,
    );
  }
}

/** `kubectl kustomize` refused a kustomization. */
export class KustomizeRenderError extends DeployCheckError {
  constructor(dir: string, detail: string) {
    super('KUSTOMIZE_RENDER_FAILED', `kubectl kustomize ${dir} failed: ${detail}`);
  }
}

/** A rendered object does not match its Kubernetes (or Istio) schema, or has no known schema. */
export class ManifestSchemaError extends DeployCheckError {
  constructor(object: string, issues: readonly string[]) {
    super('MANIFEST_SCHEMA_INVALID', `${object}: ${issues.join('; ')}`);
  }
}

/** A compose file does not match the compose-spec schema. */
export class ComposeSchemaError extends DeployCheckError {
  constructor(file: string, issues: readonly string[]) {
    super('COMPOSE_SCHEMA_INVALID', `${file} does not match the compose-spec schema:\n${issues.join('\n')}`);
  }
}

/** The collector summary never showed what a scenario must show, within the deadline. */
export class ScenarioExpectationError extends DeployCheckError {
  constructor(scenario: string, reasons: readonly string[]) {
    super('SCENARIO_EXPECTATION_FAILED', `${scenario}: ${reasons.join('; ')}`);
  }
}
