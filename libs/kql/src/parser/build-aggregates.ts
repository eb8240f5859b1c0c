import type { Aggregate, AggregateName } from '../ast';
import { messages } from '../errors';
import type { ColumnSchema, KqlType } from '../types';
import { type BuildContext, simpleName, unsupported } from './build-context';
import { buildExpression, required } from './build-expression';
import { type KustoSyntax, className, listItems, part, resultColumns } from './kusto-language';

const aggregateNames: ReadonlyMap<string, AggregateName> = new Map([
  ['count', 'count'],
  ['countif', 'countif'],
  ['avg', 'avg'],
  ['sum', 'sum'],
  ['min', 'min'],
  ['max', 'max'],
  ['dcount', 'dcount'],
  ['percentile', 'percentile'],
  ['percentiles', 'percentiles'],
  ['make_set', 'make_set'],
]);

/**
 * summarize's aggregates; `names` are the analyzer's output names after the by columns, in order
 * (one per aggregate, one per percentile for `percentiles`).
 */
export function buildAggregates(
  context: BuildContext,
  items: readonly KustoSyntax[],
  names: readonly string[],
  pipe: KustoSyntax,
): Aggregate[] {
  const columns = resultColumns(pipe);
  const typeOf = (name: string): KqlType => (columns.find((c) => c.Name === name)?.Type.Name ?? 'dynamic') as KqlType;
  let next = 0;
  return items.map((item) => {
    const call = className(item).endsWith('NamedExpression') ? required(context, item, 'Expression') : item;
    if (className(call) !== 'FunctionCallExpression') {
      throw unsupported(context, call, messages.unsupportedSyntax(`expression over aggregations '${call.ToString()}'`));
    }
    const written = simpleName(part(call, 'Name'));
    const name = aggregateNames.get(written);
    if (!name) throw unsupported(context, call, messages.unsupportedAggregation(written));
    const args = listItems(part(required(context, call, 'ArgumentList'), 'Expressions')).map((arg) => buildExpression(context, arg));
    const width = name === 'percentiles' ? Math.max(args.length - 1, 1) : 1;
    const outputs: ColumnSchema[] = [];
    for (let i = 0; i < width; i++) {
      const outputName = names[next++] ?? `Column${next}`;
      outputs.push({ name: outputName, type: typeOf(outputName) });
    }
    return { name, args, outputs };
  });
}
