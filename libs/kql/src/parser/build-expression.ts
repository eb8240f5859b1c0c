import type { ArithmeticOp, ComparisonOp, Expr, StringOp } from '../ast';
import { messages } from '../errors';
import type { Cell, JsonValue } from '../types';
import { type BuildContext, kindName, resultType, simpleName, unsupported } from './build-context';
import { type KustoSyntax, className, listItems, part } from './kusto-language';
import { parseDatetime, parseNumber, parseTimespan } from './literal-values';
import { scalarFunctionNames } from './scalar-function-names';

const arithmetic: Readonly<Record<string, ArithmeticOp>> = {
  AddExpression: '+',
  SubtractExpression: '-',
  MultiplyExpression: '*',
  DivideExpression: '/',
  ModuloExpression: '%',
};

const comparison: Readonly<Record<string, ComparisonOp>> = {
  EqualExpression: '==',
  NotEqualExpression: '!=',
  LessThanExpression: '<',
  LessThanOrEqualExpression: '<=',
  GreaterThanExpression: '>',
  GreaterThanOrEqualExpression: '>=',
  EqualTildeExpression: '=~',
  BangTildeExpression: '!~',
};

/** `contains`, `!has_cs`, …: the operator token read as (negated, operator, case-sensitive). */
const stringOperator = /^(!?)(contains|has|startswith|endswith)(_cs)?$/;

/** Microsoft's checked expression syntax to our Expr; anything outside the contract's list is refused here. */
export function buildExpression(context: BuildContext, node: KustoSyntax): Expr {
  const kind = kindName(context, node);
  switch (className(node)) {
    case 'LiteralExpression':
      return buildLiteral(context, node, kind);
    case 'DynamicExpression':
      return buildDynamicLiteral(context, node);
    case 'ParenthesizedExpression':
      return buildExpression(context, required(context, node, 'Expression'));
    case 'NameReference':
      return buildNameReference(context, node);
    case 'PathExpression':
      return buildMember(context, node, {
        kind: 'literal',
        type: 'string',
        value: simpleName(required(context, node, 'Selector')),
      });
    case 'ElementExpression':
      return buildMember(context, node, buildExpression(context, required(context, required(context, node, 'Selector'), 'Expression')));
    case 'PrefixUnaryExpression':
      return buildPrefix(context, node, kind);
    case 'BinaryExpression':
      return buildBinary(context, node, kind);
    case 'InExpression':
      return buildIn(context, node);
    case 'BetweenExpression':
      return buildBetween(context, node, kind);
    case 'FunctionCallExpression':
      return buildCall(context, node);
    default: {
      // has_any, has_all, matches regex, …: name the operator when the syntax has one.
      const operatorText = part(node, 'Operator')?.Text;
      const message = operatorText
        ? messages.unsupportedOperator(operatorText)
        : messages.unsupportedSyntax(`expression '${node.ToString()}'`);
      throw unsupported(context, node, message);
    }
  }
}

export function required(context: BuildContext, node: KustoSyntax, name: string): KustoSyntax {
  const found = part(node, name);
  if (!found) throw unsupported(context, node, messages.unsupportedSyntax(`expression '${node.ToString()}'`));
  return found;
}

function buildLiteral(context: BuildContext, node: KustoSyntax, kind: string): Expr {
  const type = resultType(context, node);
  const text = part(node, 'Token')?.ValueText ?? '';
  if (text.toLowerCase() === 'null' && type !== 'string') return { kind: 'literal', type, value: null };
  let value: Cell | undefined;
  switch (kind) {
    case 'StringLiteralExpression':
    case 'GuidLiteralExpression':
      value = text;
      break;
    case 'BooleanLiteralExpression':
      value = text.toLowerCase() === 'true';
      break;
    case 'IntLiteralExpression':
    case 'LongLiteralExpression':
    case 'RealLiteralExpression':
      value = parseNumber(text);
      break;
    case 'DateTimeLiteralExpression':
      value = parseDatetime(text);
      break;
    case 'TimespanLiteralExpression':
      value = parseTimespan(text);
      break;
  }
  if (value === undefined) throw unsupported(context, node, messages.unsupportedSyntax(`literal '${node.ToString()}'`));
  return { kind: 'literal', type, value };
}

function buildDynamicLiteral(context: BuildContext, node: KustoSyntax): Expr {
  const text = node.ToString();
  try {
    const value = JSON.parse(text.slice(text.indexOf('(') + 1, text.lastIndexOf(')'))) as JsonValue;
    return { kind: 'literal', type: 'dynamic', value };
  } catch {
    throw unsupported(context, node, messages.unsupportedSyntax(`literal '${text}'`));
  }
}

function buildNameReference(context: BuildContext, node: KustoSyntax): Expr {
  const name = simpleName(node);
  const symbol = node.ReferencedSymbol ? className(node.ReferencedSymbol) : '';
  if (symbol === 'ColumnSymbol') return { kind: 'column', type: resultType(context, node), name };
  if (symbol === 'VariableSymbol' && context.lets.has(name)) {
    return { kind: 'variable', type: resultType(context, node), name };
  }
  throw unsupported(context, node, messages.unsupportedSyntax(`reference to '${name}'`));
}

function buildMember(context: BuildContext, node: KustoSyntax, key: Expr): Expr {
  const target = buildExpression(context, required(context, node, 'Expression'));
  if (target.type !== 'dynamic') {
    throw unsupported(context, node, messages.unsupportedSyntax(`expression '${node.ToString()}'`));
  }
  return { kind: 'member', type: 'dynamic', target, key };
}

function buildPrefix(context: BuildContext, node: KustoSyntax, kind: string): Expr {
  const operand = buildExpression(context, required(context, node, 'Expression'));
  if (kind === 'UnaryPlusExpression') return operand;
  return { kind: 'negate', type: resultType(context, node), operand };
}

function buildBinary(context: BuildContext, node: KustoSyntax, kind: string): Expr {
  const left = buildExpression(context, required(context, node, 'Left'));
  const right = buildExpression(context, required(context, node, 'Right'));
  const arithmeticOp = arithmetic[kind];
  if (arithmeticOp) return { kind: 'arithmetic', type: resultType(context, node), op: arithmeticOp, left, right };
  const comparisonOp = comparison[kind];
  if (comparisonOp) return { kind: 'compare', type: 'bool', op: comparisonOp, left, right };
  if (kind === 'AndExpression') return { kind: 'logical', type: 'bool', op: 'and', left, right };
  if (kind === 'OrExpression') return { kind: 'logical', type: 'bool', op: 'or', left, right };
  const operatorText = part(node, 'Operator')?.Text ?? '';
  const match = stringOperator.exec(operatorText);
  if (match) {
    return {
      kind: 'string-match',
      type: 'bool',
      op: match[2] as StringOp,
      negated: match[1] === '!',
      caseSensitive: match[3] !== undefined,
      left,
      right,
    };
  }
  throw unsupported(context, node, messages.unsupportedSyntax(`operator '${operatorText}'`));
}

function buildIn(context: BuildContext, node: KustoSyntax): Expr {
  const operatorText = part(node, 'Operator')?.Text ?? '';
  const list = required(context, node, 'Right');
  if (className(list) !== 'ExpressionList') {
    throw unsupported(context, node, messages.unsupportedSyntax(`operator '${operatorText}' over a table`));
  }
  return {
    kind: 'in',
    type: 'bool',
    negated: operatorText.startsWith('!'),
    caseSensitive: !operatorText.endsWith('~'),
    subject: buildExpression(context, required(context, node, 'Left')),
    values: listItems(part(list, 'Expressions')).map((item) => buildExpression(context, item)),
  };
}

function buildBetween(context: BuildContext, node: KustoSyntax, kind: string): Expr {
  const couple = required(context, node, 'Right');
  return {
    kind: 'between',
    type: 'bool',
    negated: kind === 'NotBetweenExpression',
    subject: buildExpression(context, required(context, node, 'Left')),
    low: buildExpression(context, required(context, couple, 'First')),
    high: buildExpression(context, required(context, couple, 'Second')),
  };
}

function buildCall(context: BuildContext, node: KustoSyntax): Expr {
  const name = simpleName(part(node, 'Name'));
  const canonical = scalarFunctionNames.get(name);
  if (!canonical) {
    const symbol = node.ReferencedSymbol ? className(node.ReferencedSymbol) : '';
    const message = symbol === 'FunctionSymbol' || symbol === '' ? messages.unsupportedFunction(name) : messages.unsupportedSyntax(name);
    throw unsupported(context, node, message);
  }
  const args = listItems(part(required(context, node, 'ArgumentList'), 'Expressions')).map((arg) => buildExpression(context, arg));
  return { kind: 'call', type: resultType(context, node), name: canonical, args };
}
