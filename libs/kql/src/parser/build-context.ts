import { KqlError, messages } from '../errors';
import type { KqlType } from '../types';
import { type KustoSyntax, className } from './kusto-language';
import type { LoadedParser } from './parser-loader';
import { textPosition } from './text-position';

/** What building our tree needs beside the syntax: the text (for positions) and the scalar lets in scope. */
export interface BuildContext {
  readonly text: string;
  readonly parser: LoadedParser;
  readonly lets: Set<string>;
}

const kqlTypes: ReadonlySet<string> = new Set(['string', 'datetime', 'long', 'int', 'real', 'bool', 'dynamic', 'timespan', 'guid']);

/** The "not supported by the local collector" error, where `node` starts. */
export function unsupported(context: BuildContext, node: KustoSyntax, message: string): KqlError {
  return new KqlError('UnsupportedError', message, textPosition(context.text, node.TextStart));
}

/** The type the analyzer inferred for an expression, when it is one the engine carries. */
export function resultType(context: BuildContext, node: KustoSyntax): KqlType {
  const name = node.ResultType?.Name ?? '';
  if (kqlTypes.has(name)) return name as KqlType;
  throw unsupported(context, node, messages.unsupportedSyntax(`type '${name || 'unknown'}' of '${node.ToString()}'`));
}

export function kindName(context: BuildContext, node: KustoSyntax): string {
  return context.parser.kindNames.get(node.Kind) ?? className(node);
}

/** The name a NameDeclaration / NameReference / TokenName carries. */
export function simpleName(node: KustoSyntax | null): string {
  return node?.SimpleName ?? '';
}
