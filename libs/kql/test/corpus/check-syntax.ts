/**
 * Checks the corpus against Microsoft's parser (@kusto/language-service-next), without the engine:
 * every corpus query parses and analyses without errors and its result columns (names and types) are the
 * ones its expected result states; every syntax or semantic error case raises that first diagnostic, at
 * that line and column; every unsupported case is valid KQL whose operator or function name sits at the
 * stated position. Run: compile, then `node check-syntax.js` (exit code 1 on any mismatch).
 */
import '@kusto/language-service-next/bridge.min.js';
import '@kusto/language-service-next/Kusto.Language.Bridge.min.js';
import type { TableSchema } from '../../src';
import { corpusCases } from './queries';
import { errorCases } from './errors';
import { schemas } from './telemetry-schemas';
import { telemetrySet } from './telemetry-set';

/** The few members of the parser's bridged .NET objects used here. */
interface BridgedList<T> {
  readonly Count: number;
  getItem(index: number): T;
}
interface Diagnostic {
  readonly Severity: string;
  readonly Message: string;
  readonly Start: number;
}
interface Column {
  readonly Name: string;
  readonly Type: { readonly Name: string };
}
interface KustoCode {
  GetDiagnostics(): BridgedList<Diagnostic>;
  readonly ResultType: { readonly Columns?: BridgedList<Column> } | null;
}
interface KustoLanguage {
  KustoCode: { ParseAndAnalyze(text: string, globals: unknown): KustoCode; Parse(text: string): KustoCode };
  GlobalState: { Default: { WithDatabase(database: unknown): unknown } };
  Symbols: {
    TableSymbol: { $ctor7: new (name: string, schema: string, description: null) => unknown };
    DatabaseSymbol: { ctor: new (name: string, tables: unknown[]) => unknown };
  };
}

/** The parser's scripts define globals (Bridge.NET's runtime first, then Kusto.Language) rather than exports. */
function loadParser(): KustoLanguage {
  return (globalThis as unknown as { Kusto: { Language: KustoLanguage } }).Kusto.Language;
}

function globalsFor(kusto: KustoLanguage, tables: readonly TableSchema[]): unknown {
  const symbols = tables.map(
    (t) => new kusto.Symbols.TableSymbol.$ctor7(t.name, `(${t.columns.map((c) => `${c.name}:${c.type}`).join(', ')})`, null),
  );
  return kusto.GlobalState.Default.WithDatabase(new kusto.Symbols.DatabaseSymbol.ctor('telemetry', symbols));
}

const errorsOf = (code: KustoCode): Diagnostic[] => {
  const all = code.GetDiagnostics();
  return Array.from({ length: all.Count }, (_, i) => all.getItem(i)).filter((d) => d.Severity === 'Error');
};

/** 1-based line and column of a 0-based offset. */
function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: (before[before.length - 1] ?? '').length + 1 };
}

function offsetOf(text: string, line: number, column: number): number {
  const lines = text.split('\n');
  return lines.slice(0, line - 1).reduce((sum, l) => sum + l.length + 1, 0) + column - 1;
}

export function checkCorpus(): string[] {
  const kusto = loadParser();
  const globals = globalsFor(kusto, schemas);
  const set = telemetrySet();
  const problems: string[] = [];
  for (const c of corpusCases) {
    const code = kusto.KustoCode.ParseAndAnalyze(c.query, globals);
    for (const d of errorsOf(code)) problems.push(`${c.name}: ${d.Message} at ${d.Start}`);
    const columns = code.ResultType?.Columns;
    const parsed = columns ? Array.from({ length: columns.Count }, (_, i) => columns.getItem(i)) : [];
    const got = parsed.map((col) => `${col.Name}:${col.Type.Name}`).join(', ');
    const want = (c.expected(set).tables[0]?.columns ?? []).map((col) => `${col.name}:${col.type}`).join(', ');
    if (got !== want) problems.push(`${c.name}: the parser's columns are [${got}], the expected result's [${want}]`);
  }
  for (const e of errorCases) {
    const code = kusto.KustoCode.ParseAndAnalyze(e.query, globals);
    const first = errorsOf(code)[0];
    if (e.code === 'UnsupportedError') {
      if (first) problems.push(`${e.name}: expected valid KQL, the parser says ${first.Message}`);
      const name = /'([^']+)'/.exec(e.message)?.[1] ?? '';
      const at = offsetOf(e.query, e.line, e.column);
      if (!e.query.startsWith(name, at)) problems.push(`${e.name}: '${name}' is not at line ${e.line}, column ${e.column}`);
      continue;
    }
    if (!first) {
      problems.push(`${e.name}: the parser finds no error`);
      continue;
    }
    const { line, column } = position(e.query, first.Start);
    const syntactic = errorsOf(kusto.KustoCode.Parse(e.query)).some((d) => d.Message === first.Message && d.Start === first.Start);
    const message = `${first.Message} (line ${line}, column ${column})`;
    const kind = syntactic ? 'SyntaxError' : 'SemanticError';
    if (message !== e.message || line !== e.line || column !== e.column || kind !== e.code)
      problems.push(`${e.name}: the parser says ${kind} "${message}", the case ${e.code} "${e.message}" (${e.line}:${e.column})`);
  }
  return problems;
}

if (require.main === module) {
  const problems = checkCorpus();
  for (const p of problems) console.error(p);
  console.log(`${corpusCases.length} queries, ${errorCases.length} error cases: ${problems.length} problem(s)`);
  process.exitCode = problems.length === 0 ? 0 : 1;
}
