import { PROXY_DEFAULTS } from './proxy-defaults';
import { type IstioMetricsConfig } from './telemetry.schema';

/** A cluster as Istio names it: the destination labels of its exchanges. */
export interface IstioDestination {
  readonly workload: string;
  readonly version: string;
  /** The short service name (`destination_service_name`). */
  readonly service: string;
  readonly namespace: string;
}

/** The labels of one cluster, defaults applied: workload and service default to the cluster name. */
export function istioDestinationOf(istio: IstioMetricsConfig, cluster: string): IstioDestination {
  const given = istio.destinations[cluster];
  return {
    workload: given?.workload ?? cluster,
    version: given?.version ?? PROXY_DEFAULTS.istioUnknown,
    service: given?.service ?? cluster,
    namespace: given?.namespace ?? istio.namespace,
  };
}
