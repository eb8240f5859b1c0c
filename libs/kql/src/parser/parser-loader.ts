import type { KustoLanguage } from './kusto-language';

/** Microsoft's parser costs ~0.3 s to load and ~1 s to warm: loaded once, on the first query. */
let loading: Promise<LoadedParser> | undefined;

export interface LoadedParser {
  readonly kusto: KustoLanguage;
  /** SyntaxKind numbers to their names (`AddExpression`), so the tree builder reads names. */
  readonly kindNames: ReadonlyMap<number, string>;
}

export function loadParser(): Promise<LoadedParser> {
  loading ??= Promise.resolve().then(() => {
    // The Bridge build is plain scripts that define globals (no module exports): the runtime
    // first, then the language. `require` runs them where and when the engine first needs them.
    /* eslint-disable @typescript-eslint/no-require-imports */
    require('@kusto/language-service-next/bridge.min.js');
    require('@kusto/language-service-next/Kusto.Language.Bridge.min.js');
    /* eslint-enable @typescript-eslint/no-require-imports */
    const kusto = (globalThis as unknown as { Kusto: { Language: KustoLanguage } }).Kusto.Language;
    const kindNames = new Map<number, string>();
    for (const [name, value] of Object.entries(kusto.Syntax.SyntaxKind)) {
      if (typeof value === 'number' && !name.startsWith('$')) kindNames.set(value, name);
    }
    return { kusto, kindNames };
  });
  return loading;
}
