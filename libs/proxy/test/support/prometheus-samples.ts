/** One sample of Prometheus text exposition: `name{label="value",...} number`. */
export interface Sample {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
}

const LINE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

/** Parses exposition text strictly: a line that is neither a comment nor a sample fails the test. */
export function parseSamples(text: string): Sample[] {
  return text
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const match = LINE.exec(line);
      if (match === null) throw new Error(`not a sample line: ${line}`);
      const labels: Record<string, string> = {};
      for (const [, name, value] of (match[2] ?? '').matchAll(LABEL)) labels[name as string] = (value as string).replace(/\\(.)/g, '$1');
      return { name: match[1] as string, labels, value: Number(match[3]) };
    });
}

/** A PromQL-like selector: each label equals a string, or matches (`=~`, whole value) or does not match (`!~`) a RegExp. */
export type Selector = Readonly<Record<string, string | { readonly match: RegExp } | { readonly notMatch: RegExp }>>;

const whole = (re: RegExp, value: string) => new RegExp(`^(?:${re.source})$`).test(value);

/** `sum(metric{selector})` over the samples. */
export function sumOf(samples: readonly Sample[], name: string, selector: Selector = {}): number {
  return samples
    .filter((s) => s.name === name)
    .filter((s) =>
      Object.entries(selector).every(([label, rule]) => {
        const value = s.labels[label] ?? '';
        if (typeof rule === 'string') return value === rule;
        return 'match' in rule ? whole(rule.match, value) : !whole(rule.notMatch, value);
      }),
    )
    .reduce((sum, s) => sum + s.value, 0);
}
