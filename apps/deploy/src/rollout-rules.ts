import { describeObject, type K8sObject } from './k8s-object';
import { selects } from './label-selector';
import { objectsOfKind, type ContainerView, type DeploymentView, type PodDisruptionBudgetView } from './workload-shapes';

/** What the rollout rules require; named so that messages and docs quote the same numbers. */
export const ROLLOUT_RULES = {
  /** Below this a rollout, a drain or a lost node is an outage. */
  minReplicas: 2,
  /** A Deployment that runs fewer pods says why in this annotation. */
  singleReplicaAnnotation: 'mirrormesh.io/single-replica',
  /** The app's own drain bound (libs/service-kit), which the grace period must cover. */
  shutdownTimeoutEnv: 'SHUTDOWN_TIMEOUT_MS',
  /** The kubelet's default when a pod sets none. */
  defaultGraceSeconds: 30,
  hostnameKey: 'kubernetes.io/hostname',
  zoneKey: 'topology.kubernetes.io/zone',
} as const;

/**
 * Every way the rendered Deployments could fail requests during a rollout or a drain, one line
 * each naming the object: fewer than two pods without a stated reason; several pods without
 * exactly one PodDisruptionBudget, a surge-only rolling update and a spread over nodes (zones
 * preferred); a container without a preStop delay, without an explicit shutdown timeout, or
 * whose preStop plus shutdown does not fit in the grace period. Empty when all is well.
 */
export function rolloutViolations(objects: readonly K8sObject[]): string[] {
  const deployments = objectsOfKind<DeploymentView>(objects, 'Deployment');
  const budgets = objectsOfKind<PodDisruptionBudgetView>(objects, 'PodDisruptionBudget');
  return [
    ...deployments.flatMap((d) => [
      ...replicaViolations(d, budgets),
      ...d.spec.template.spec.containers.flatMap((c) => terminationViolations(d, c)),
    ]),
    ...budgets.flatMap((b) => budgetScopeViolations(b, deployments)),
  ];
}

function replicaViolations(d: DeploymentView, budgets: readonly PodDisruptionBudgetView[]): string[] {
  const name = describeObject(d);
  const replicas = d.spec.replicas ?? 1;
  const pods = d.spec.template.metadata.labels;
  if (replicas < ROLLOUT_RULES.minReplicas) {
    const reason = d.metadata.annotations?.[ROLLOUT_RULES.singleReplicaAnnotation]?.trim() ?? '';
    return reason === '' ? [`${name}: ${replicas} replica(s) and no ${ROLLOUT_RULES.singleReplicaAnnotation} annotation saying why`] : [];
  }
  const issues: string[] = [];
  const covering = budgets.filter((b) => b.spec.selector !== undefined && selects(b.spec.selector, pods));
  if (covering.length !== 1) issues.push(`${name}: ${covering.length} PodDisruptionBudgets select its pods (must be exactly 1)`);
  for (const budget of covering) issues.push(...budgetRangeViolations(name, budget, replicas));
  const rolling = d.spec.strategy?.rollingUpdate;
  if ((d.spec.strategy?.type ?? 'RollingUpdate') !== 'RollingUpdate' || rolling?.maxUnavailable !== 0)
    issues.push(`${name}: a rolling update must keep every serving pod until its replacement is ready (maxUnavailable: 0)`);
  const spread = (key: string, when: string) =>
    (d.spec.template.spec.topologySpreadConstraints ?? []).some(
      (t) => t.topologyKey === key && t.whenUnsatisfiable === when && t.labelSelector !== undefined && selects(t.labelSelector, pods),
    );
  if (!spread(ROLLOUT_RULES.hostnameKey, 'DoNotSchedule'))
    issues.push(`${name}: no topologySpreadConstraint over ${ROLLOUT_RULES.hostnameKey} (DoNotSchedule) selecting its pods`);
  if (!spread(ROLLOUT_RULES.zoneKey, 'ScheduleAnyway'))
    issues.push(`${name}: no topologySpreadConstraint over ${ROLLOUT_RULES.zoneKey} (ScheduleAnyway) selecting its pods`);
  return issues;
}

/** A budget must let a drain proceed (one pod at a time at least) and still protect the rest. */
function budgetRangeViolations(name: string, budget: PodDisruptionBudgetView, replicas: number): string[] {
  const { minAvailable, maxUnavailable } = budget.spec;
  const allowed =
    typeof maxUnavailable === 'number' ? maxUnavailable : typeof minAvailable === 'number' ? replicas - minAvailable : undefined;
  if (allowed === undefined) return [`${name}: ${describeObject(budget)} must give minAvailable or maxUnavailable as a number of pods`];
  if (allowed < 1 || allowed >= replicas)
    return [
      `${name}: ${describeObject(budget)} allows ${allowed} of ${replicas} pods down at once (must be between 1 and ${replicas - 1})`,
    ];
  return [];
}

function budgetScopeViolations(budget: PodDisruptionBudgetView, deployments: readonly DeploymentView[]): string[] {
  const selector = budget.spec.selector;
  const owners = deployments.filter((d) => selector !== undefined && selects(selector, d.spec.template.metadata.labels));
  return owners.length === 1 ? [] : [`${describeObject(budget)}: selects the pods of ${owners.length} Deployments (must be exactly 1)`];
}

function terminationViolations(d: DeploymentView, c: ContainerView): string[] {
  const name = `${describeObject(d)} container ${c.name}`;
  const preStop = c.lifecycle?.preStop?.sleep?.seconds;
  const shutdownMs = Number(c.env?.find((e) => e.name === ROLLOUT_RULES.shutdownTimeoutEnv)?.value);
  const grace = d.spec.template.spec.terminationGracePeriodSeconds ?? ROLLOUT_RULES.defaultGraceSeconds;
  const issues: string[] = [];
  if (preStop === undefined || preStop < 1) issues.push(`${name}: no preStop sleep to outlast endpoint propagation`);
  if (!Number.isInteger(shutdownMs)) issues.push(`${name}: ${ROLLOUT_RULES.shutdownTimeoutEnv} is not set to a number`);
  if (issues.length > 0) return issues;
  const needed = (preStop ?? 0) + shutdownMs / 1000;
  return needed < grace
    ? []
    : [`${name}: preStop ${preStop} s + shutdown ${shutdownMs / 1000} s does not fit in the ${grace} s grace period`];
}
