import { KqlError, messages } from '../errors';
import type { KqlType, TableSchema } from '../types';
import type { KustoCode, KustoGlobalState } from './kusto-language';
import type { LoadedParser } from './parser-loader';
import { textPosition } from './text-position';

const scalarTypeNames: Readonly<Record<KqlType, string>> = {
  string: 'String',
  datetime: 'DateTime',
  long: 'Long',
  int: 'Int',
  real: 'Real',
  bool: 'Bool',
  dynamic: 'Dynamic',
  timespan: 'TimeSpan',
  guid: 'Guid',
};

/** The analyzer's view of the source's tables: unknown tables and columns read in Azure's own words. */
export function buildGlobals(parser: LoadedParser, tables: readonly TableSchema[]): KustoGlobalState {
  const { Symbols, GlobalState } = parser.kusto;
  const symbols = tables.map((table) => {
    const columns = table.columns.map((column) => {
      const typeName = Object.hasOwn(scalarTypeNames, column.type) ? scalarTypeNames[column.type] : undefined;
      const type = typeName ? Symbols.ScalarTypes[typeName] : undefined;
      if (!type) throw new KqlError('SemanticError', messages.badColumnType(table.name, column.name, String(column.type)));
      return new Symbols.ColumnSymbol(column.name, type, null, null, null, null);
    });
    return new Symbols.TableSymbol.$ctor4(table.name, columns);
  });
  return GlobalState.Default.WithDatabase(new Symbols.DatabaseSymbol.ctor('local', symbols));
}

/** Parses and binds; the first error diagnostic becomes a KqlError with its 1-based position. */
export function analyze(parser: LoadedParser, text: string, globals: KustoGlobalState): KustoCode {
  const code = parser.kusto.KustoCode.ParseAndAnalyze(text, globals);
  const diagnostics = code.GetDiagnostics();
  for (let i = 0; i < diagnostics.Count; i++) {
    const diagnostic = diagnostics.getItem(i);
    if (diagnostic.Severity !== 'Error') continue;
    // Syntax codes are the parser's (KS0xx and the "expected" family); the rest are the binder's.
    const kind = isSyntaxDiagnostic(code, diagnostic.Code, diagnostic.Start) ? 'SyntaxError' : 'SemanticError';
    throw new KqlError(kind, diagnostic.Message ?? 'Invalid query', textPosition(text, diagnostic.Start));
  }
  return code;
}

function isSyntaxDiagnostic(code: KustoCode, diagnosticCode: string | null, start: number): boolean {
  const found = code.Syntax.GetContainedSyntaxDiagnostics();
  if (!found) return false;
  for (let i = 0; i < found.Count; i++) {
    const item = found.getItem(i);
    if (item.Code === diagnosticCode && item.Start === start) return true;
  }
  return false;
}
