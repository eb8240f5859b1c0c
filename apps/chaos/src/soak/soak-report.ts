import { type DriftVerdict } from './drift';

/** One sampling interval of the soak. */
export interface SoakSample {
  readonly tS: number;
  readonly rssMiB: number;
  /** Median latency of a few admin probes: the sidecar's event-loop delay, seen from outside. */
  readonly probeMs: number;
  readonly liveRequests: number;
  readonly liveErrors: number;
  readonly mirrorInflight: number;
}

export interface SoakVerdicts {
  readonly rss: DriftVerdict;
  readonly probe: DriftVerdict;
}

/** The Markdown report: the verdicts, then at most `maxRows` rows of samples (evenly picked, the last included). */
export function renderSoakTable(title: string, samples: readonly SoakSample[], verdicts: SoakVerdicts, maxRows = 40): string {
  const step = Math.max(1, Math.ceil(samples.length / maxRows));
  const rows = samples.filter((_, i) => i % step === 0 || i === samples.length - 1);
  return [
    `# ${title}`,
    '',
    `- RSS: ${verdicts.rss.summary}`,
    `- event-loop probe: ${verdicts.probe.summary}`,
    '',
    '| t (s) | RSS (MiB) | probe (ms) | live requests | live errors | mirror in flight |',
    '| ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map(
      (s) =>
        `| ${s.tS.toFixed(0)} | ${s.rssMiB.toFixed(1)} | ${s.probeMs.toFixed(2)} | ${s.liveRequests} | ${s.liveErrors} | ${s.mirrorInflight} |`,
    ),
    '',
  ].join('\n');
}
