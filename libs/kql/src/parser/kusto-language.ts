/**
 * The few parts of Microsoft's Kusto.Language (a Bridge.NET build) the engine uses, typed here so
 * that nothing outside this folder touches the untyped globals.
 */

/** A Bridge.NET IReadOnlyList. */
export interface KustoList<T> {
  readonly Count: number;
  getItem(index: number): T;
}

export interface KustoSymbol {
  readonly Name: string | null;
  readonly constructor: { readonly $$name: string };
}

export interface KustoColumnSymbol extends KustoSymbol {
  readonly Type: KustoSymbol;
  /** The syntax the column was computed from, when the analyzer knows it. */
  readonly Source: KustoSyntax | null;
}

export interface KustoTableSymbol extends KustoSymbol {
  readonly Columns: KustoList<KustoColumnSymbol>;
}

/**
 * A syntax element (node or token). Every node class exposes its parts as named properties
 * (PipeExpression.Expression, FilterOperator.Condition, …): `part` reads them by name.
 */
export interface KustoSyntax {
  readonly constructor: { readonly $$name: string };
  readonly Kind: number;
  readonly IsToken: boolean;
  readonly IsMissing: boolean;
  readonly ChildCount: number;
  readonly TextStart: number;
  readonly Width: number;
  /** Tokens: the text as written. */
  readonly Text?: string | null;
  /** Tokens: the literal's value as text (escapes resolved). */
  readonly ValueText?: string | null;
  /** Expressions: the type the analyzer inferred. */
  readonly ResultType?: KustoSymbol | null;
  /** Names and calls: what the analyzer bound them to. */
  readonly ReferencedSymbol?: KustoSymbol | null;
  /** Names: the identifier. */
  readonly SimpleName?: string | null;
  /** Syntax lists. */
  readonly Count?: number;
  getItem?(index: number): KustoSyntax;
  GetChild(index: number): KustoSyntax | null;
  GetFirstToken(): KustoSyntax | null;
  /** The parser's own diagnostics inside this node (undefined when there are none). */
  GetContainedSyntaxDiagnostics(): KustoList<KustoDiagnostic> | undefined;
  ToString(): string;
}

export interface KustoDiagnostic {
  readonly Code: string | null;
  readonly Message: string | null;
  readonly Severity: string | null;
  readonly Start: number;
  readonly Length: number;
}

export interface KustoCode {
  readonly Syntax: KustoSyntax;
  GetDiagnostics(): KustoList<KustoDiagnostic>;
}

export interface KustoGlobalState {
  WithDatabase(database: KustoSymbol): KustoGlobalState;
}

/** The entry points of `globalThis.Kusto.Language` the engine calls. */
export interface KustoLanguage {
  readonly KustoCode: { ParseAndAnalyze(text: string, globals: KustoGlobalState): KustoCode };
  readonly GlobalState: { readonly Default: KustoGlobalState };
  readonly Symbols: {
    readonly ScalarTypes: Readonly<Record<string, KustoSymbol>>;
    readonly ColumnSymbol: new (
      name: string,
      type: KustoSymbol,
      description: null,
      originalColumns: null,
      source: null,
      examples: null,
    ) => KustoColumnSymbol;
    readonly TableSymbol: { readonly $ctor4: new (name: string, columns: KustoColumnSymbol[]) => KustoTableSymbol };
    readonly DatabaseSymbol: { readonly ctor: new (name: string, members: KustoSymbol[]) => KustoSymbol };
  };
  readonly Syntax: { readonly SyntaxKind: Readonly<Record<string, unknown>> };
}

/** The class name of a syntax element or symbol, without its namespace (`PipeExpression`). */
export function className(value: { readonly constructor: { readonly $$name: string } }): string {
  // Generic classes read `Kusto.Language.Syntax.SeparatedElement$1$Kusto.Language.Syntax.Statement`.
  const full = value.constructor.$$name.split('$')[0] ?? '';
  return full.slice(full.lastIndexOf('.') + 1);
}

/** A named part of a syntax node (`part(pipe, 'Operator')`), null when absent. */
export function part(node: KustoSyntax, name: string): KustoSyntax | null {
  const value = (node as unknown as Record<string, unknown>)[name];
  return value == null ? null : (value as KustoSyntax);
}

/** The elements of a syntax list, unwrapping SeparatedElement. */
export function listItems(list: KustoSyntax | null): KustoSyntax[] {
  if (!list || list.getItem === undefined || list.Count === undefined) return [];
  const items: KustoSyntax[] = [];
  for (let i = 0; i < list.Count; i++) {
    const item = list.getItem(i);
    const element = className(item).startsWith('SeparatedElement') ? part(item, 'Element') : item;
    if (element) items.push(element);
  }
  return items;
}

/** The columns the analyzer computed for a tabular expression (a pipe's output), in order. */
export function resultColumns(node: KustoSyntax): KustoColumnSymbol[] {
  const type = node.ResultType as Partial<KustoTableSymbol> | null | undefined;
  return toArray(type?.Columns);
}

/** The items of a Bridge list as an array. */
export function toArray<T>(list: KustoList<T> | null | undefined): T[] {
  const items: T[] = [];
  if (!list) return items;
  for (let i = 0; i < list.Count; i++) items.push(list.getItem(i));
  return items;
}
