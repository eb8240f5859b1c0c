import { type IstioDestination } from '../config/istio-destination';
import { PROXY_DEFAULTS } from '../config/proxy-defaults';
import { type IstioMetricsConfig } from '../config/telemetry.schema';

const UNKNOWN = PROXY_DEFAULTS.istioUnknown;

/** A destination Istio could not name: the proxy answered itself (no route, injected abort). */
export function istioUnknownDestination(istio: IstioMetricsConfig): IstioDestination {
  return { workload: UNKNOWN, version: UNKNOWN, service: UNKNOWN, namespace: istio.namespace };
}

/**
 * Istio's standard labels, except `response_code` and `response_flags`, as exposition text.
 * Values are names (letters, digits, ".", "_", "-": the schema's rule), so none needs escaping.
 * `app` and canonical service are the service name, canonical revision the version; there is
 * no mTLS: `connection_security_policy` is "none" as a destination reports it ("unknown" as a
 * source does, as Istio does), principals are "unknown".
 */
export function istioLabelText(istio: IstioMetricsConfig, destination: IstioDestination): string {
  const { workload, version, service, namespace } = destination;
  const serviceHost = service === UNKNOWN ? UNKNOWN : `${service}.${namespace}.svc.cluster.local`;
  const labels: readonly (readonly [string, string])[] = [
    ['reporter', istio.reporter],
    ['source_workload', istio.sourceWorkload],
    ['source_workload_namespace', istio.namespace],
    ['source_principal', UNKNOWN],
    ['source_app', istio.sourceWorkload],
    ['source_version', istio.sourceVersion],
    ['source_canonical_service', istio.sourceWorkload],
    ['source_canonical_revision', istio.sourceVersion],
    ['destination_workload', workload],
    ['destination_workload_namespace', namespace],
    ['destination_principal', UNKNOWN],
    ['destination_app', service],
    ['destination_version', version],
    ['destination_service', serviceHost],
    ['destination_service_name', service],
    ['destination_service_namespace', namespace],
    ['destination_canonical_service', service],
    ['destination_canonical_revision', version],
    ['request_protocol', 'http'],
    ['grpc_response_status', ''],
    ['connection_security_policy', istio.reporter === 'destination' ? 'none' : UNKNOWN],
  ];
  return labels.map(([name, value]) => `${name}="${value}"`).join(',');
}
