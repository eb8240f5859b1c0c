import type { NamedExpr, Query, SortKey, Stage } from '../ast';
import { KqlError, messages } from '../errors';
import type { KqlType } from '../types';
import { buildAggregates } from './build-aggregates';
import { type BuildContext, simpleName, unsupported } from './build-context';
import { buildExpression, required } from './build-expression';
import { type KustoCode, type KustoSyntax, className, listItems, part, resultColumns } from './kusto-language';
import type { LoadedParser } from './parser-loader';
import { textPosition } from './text-position';

/** A checked KustoCode to the Query the engine runs: scalar lets, one table, a pipeline of stages. */
export function buildQuery(parser: LoadedParser, text: string, code: KustoCode): Query {
  const context: BuildContext = { text, parser, lets: new Set() };
  const lets: NamedExpr[] = [];
  let tabular: KustoSyntax | undefined;
  for (const statement of listItems(part(code.Syntax, 'Statements'))) {
    if (tabular) throw unsupported(context, statement, messages.unsupportedSyntax('second query statement'));
    if (className(statement) === 'LetStatement') {
      const name = simpleName(part(statement, 'Name'));
      const value = required(context, statement, 'Expression');
      const valueType = value.ResultType ? className(value.ResultType) : '';
      if (valueType === 'TableSymbol' || valueType === 'FunctionSymbol' || valueType === 'ErrorSymbol') {
        throw unsupported(context, statement, messages.unsupportedSyntax(`let of a table or function ('${name}')`));
      }
      lets.push({ name, expr: buildExpression(context, value) });
      context.lets.add(name);
    } else if (className(statement) === 'ExpressionStatement') {
      tabular = required(context, statement, 'Expression');
    } else {
      throw unsupported(context, statement, messages.unsupportedSyntax(`statement '${statement.ToString()}'`));
    }
  }
  if (!tabular) throw new KqlError('SyntaxError', messages.noTabularExpression, textPosition(text, text.length));
  const pipes: KustoSyntax[] = [];
  let head = tabular;
  while (className(head) === 'PipeExpression') {
    pipes.unshift(head);
    head = required(context, head, 'Expression');
  }
  if (className(head) !== 'NameReference' || !head.ReferencedSymbol || className(head.ReferencedSymbol) !== 'TableSymbol') {
    throw unsupported(context, head, operatorMessage(head));
  }
  const stages: Stage[] = [];
  for (const pipe of pipes) {
    const stage = buildStage(context, required(context, pipe, 'Operator'), pipe);
    if (stage) stages.push(stage);
  }
  return { lets, table: simpleName(head), stages };
}

function operatorMessage(node: KustoSyntax): string {
  const keyword = node.GetFirstToken()?.Text ?? node.ToString();
  return messages.unsupportedOperator(keyword);
}

/** The output columns the analyzer computed for the pipe ending with this operator (Kusto's naming rules). */
function outputNames(pipe: KustoSyntax): string[] {
  return resultColumns(pipe).map((column) => column.Name ?? '');
}

function buildStage(context: BuildContext, operator: KustoSyntax, pipe: KustoSyntax): Stage | undefined {
  switch (className(operator)) {
    case 'FilterOperator':
      return { kind: 'where', predicate: buildExpression(context, required(context, operator, 'Condition')) };
    case 'ExtendOperator':
      return { kind: 'extend', columns: buildExtendColumns(context, operator, pipe) };
    case 'ProjectOperator':
      return { kind: 'project', columns: buildPositional(context, listItems(part(operator, 'Expressions')), outputNames(pipe)) };
    case 'ProjectAwayOperator':
      return {
        kind: 'project',
        columns: outputNames(pipe).map((name) => ({ name, expr: columnOf(pipe, name) })),
      };
    case 'ProjectRenameOperator':
      return { kind: 'project', columns: buildRename(context, operator, pipe) };
    case 'SortOperator':
      return { kind: 'sort', keys: listItems(part(operator, 'Expressions')).map((item) => buildSortKey(context, item)) };
    case 'TopOperator':
      return {
        kind: 'top',
        count: buildExpression(context, required(context, operator, 'Expression')),
        keys: [buildSortKey(context, required(context, operator, 'ByExpression'))],
      };
    case 'TakeOperator':
      return { kind: 'take', count: buildExpression(context, required(context, operator, 'Expression')) };
    case 'DistinctOperator':
      return { kind: 'distinct', columns: buildDistinct(context, operator, pipe) };
    case 'CountOperator':
      if (part(operator, 'AsIdentifier')) throw unsupported(context, operator, messages.unsupportedSyntax("'count as'"));
      return { kind: 'count' };
    case 'SummarizeOperator':
      return buildSummarize(context, operator, pipe);
    case 'RenderOperator':
      return undefined; // a chart hint for the portal: no effect on rows
    default:
      throw unsupported(context, operator, operatorMessage(operator));
  }
}

function columnOf(pipe: KustoSyntax, name: string): NamedExpr['expr'] {
  const column = resultColumns(pipe).find((c) => c.Name === name);
  return { kind: 'column', type: (column?.Type.Name ?? 'dynamic') as KqlType, name };
}

/** project / summarize-by: one output column per item, in order, named as the analyzer named it. */
function buildPositional(context: BuildContext, items: readonly KustoSyntax[], names: readonly string[]): NamedExpr[] {
  return items.map((item, index) => {
    const expr = className(item) === 'SimpleNamedExpression' ? required(context, item, 'Expression') : item;
    if (className(item) === 'CompoundNamedExpression') {
      throw unsupported(context, item, messages.unsupportedSyntax(`named tuple '${item.ToString()}'`));
    }
    return { name: names[index] ?? `Column${index + 1}`, expr: buildExpression(context, expr) };
  });
}

function buildExtendColumns(context: BuildContext, operator: KustoSyntax, pipe: KustoSyntax): NamedExpr[] {
  const columns = resultColumns(pipe);
  const result: NamedExpr[] = [];
  for (const item of listItems(part(operator, 'Expressions'))) {
    if (className(item) === 'SimpleNamedExpression') {
      result.push({ name: simpleName(part(item, 'Name')), expr: buildExpression(context, required(context, item, 'Expression')) });
      continue;
    }
    if (className(item) === 'CompoundNamedExpression') {
      throw unsupported(context, item, messages.unsupportedSyntax(`named tuple '${item.ToString()}'`));
    }
    // An unnamed expression: the analyzer names it (Column1, customDimensions_VersionTag, …) and
    // records the expression as the column's source; a bare column reference changes nothing.
    const column = columns.find((c) => c.Source === item);
    if (column?.Name) result.push({ name: column.Name, expr: buildExpression(context, item) });
    else if (className(item) !== 'NameReference') {
      throw unsupported(context, item, messages.unsupportedSyntax(`expression '${item.ToString()}'`));
    }
  }
  return result;
}

function buildRename(context: BuildContext, operator: KustoSyntax, pipe: KustoSyntax): NamedExpr[] {
  const renamed = new Map<string, string>();
  for (const item of listItems(part(operator, 'Expressions'))) {
    if (className(item) !== 'SimpleNamedExpression') {
      throw unsupported(context, item, messages.unsupportedSyntax(`rename '${item.ToString()}'`));
    }
    renamed.set(simpleName(part(item, 'Name')), simpleName(required(context, item, 'Expression')));
  }
  return outputNames(pipe).map((name) => {
    const from = renamed.get(name) ?? name;
    const expr = columnOf(pipe, name);
    return { name, expr: { ...expr, name: from } };
  });
}

function buildDistinct(context: BuildContext, operator: KustoSyntax, pipe: KustoSyntax): NamedExpr[] {
  const items = listItems(part(operator, 'Expressions'));
  if (items.length === 1 && className(items[0]!) === 'StarExpression') {
    return outputNames(pipe).map((name) => ({ name, expr: columnOf(pipe, name) }));
  }
  return buildPositional(context, items, outputNames(pipe));
}

function buildSortKey(context: BuildContext, item: KustoSyntax): SortKey {
  if (className(item) !== 'OrderedExpression') {
    return { expr: buildExpression(context, item), descending: true, nullsFirst: false };
  }
  const ordering = part(item, 'Ordering');
  const direction = (ordering && part(ordering, 'AscOrDescKeyword')?.Text) || 'desc';
  const nulls = ordering && part(ordering, 'NullsClause');
  const descending = direction.toLowerCase() !== 'asc';
  // Kusto's defaults: nulls first when ascending, last when descending.
  const nullsWord = nulls ? (part(nulls, 'FirstOrLastKeyword')?.Text ?? '') : '';
  const nullsFirst = nullsWord ? nullsWord.toLowerCase() === 'first' : !descending;
  return { expr: buildExpression(context, required(context, item, 'Expression')), descending, nullsFirst };
}

function buildSummarize(context: BuildContext, operator: KustoSyntax, pipe: KustoSyntax): Stage {
  const byClause = part(operator, 'ByClause');
  if (byClause && part(byClause, 'BinClause')) {
    throw unsupported(context, byClause, messages.unsupportedSyntax("summarize's bin= clause"));
  }
  const byItems = byClause ? listItems(part(byClause, 'Expressions')) : [];
  const names = outputNames(pipe);
  const by = buildPositional(context, byItems, names);
  const aggregates = buildAggregates(context, listItems(part(operator, 'Aggregates')), names.slice(by.length), pipe);
  return { kind: 'summarize', by, aggregates };
}
