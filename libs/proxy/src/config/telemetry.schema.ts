import { s, type Infer } from '@mirrormesh/schema';
import { PROXY_DEFAULTS } from './proxy-defaults';
import { name } from './schema-primitives';

/** Who a cluster is in Istio's terms: the labels its exchanges carry in `istio_*` metrics. */
const istioDestinationSchema = s.object({
  workload: name.describe('Default: the cluster name.').optional(),
  version: name.default(PROXY_DEFAULTS.istioUnknown),
  service: name.describe('The short service name; default: the cluster name.').optional(),
  namespace: name.describe('Default: telemetry.istioMetrics.namespace.').optional(),
});

const ISTIO_DEFAULTS = {
  enabled: false,
  reporter: PROXY_DEFAULTS.istioReporter,
  namespace: PROXY_DEFAULTS.istioNamespace,
  sourceWorkload: PROXY_DEFAULTS.istioUnknown,
  sourceVersion: PROXY_DEFAULTS.istioUnknown,
  destinations: {},
};

/** Opt-in exposition of Istio's standard metrics, so Kiali and Flagger read the sidecar unchanged. */
export const telemetrySchema = s.object({
  istioMetrics: s
    .object({
      enabled: s.boolean().default(ISTIO_DEFAULTS.enabled),
      reporter: s.oneOf(['destination', 'source'] as const).default(ISTIO_DEFAULTS.reporter),
      namespace: name.default(ISTIO_DEFAULTS.namespace),
      sourceWorkload: name.default(ISTIO_DEFAULTS.sourceWorkload),
      sourceVersion: name.default(ISTIO_DEFAULTS.sourceVersion),
      destinations: s.record(istioDestinationSchema, name).default(ISTIO_DEFAULTS.destinations),
    })
    .default(ISTIO_DEFAULTS),
});

export const TELEMETRY_DEFAULTS = { istioMetrics: ISTIO_DEFAULTS };

export type TelemetryConfig = Infer<typeof telemetrySchema>;
export type IstioMetricsConfig = TelemetryConfig['istioMetrics'];
