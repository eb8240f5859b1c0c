import type { Expr } from '../ast';
import { KqlError } from '../errors';
import type { Cell, KqlType } from '../types';
import type { CompileScope } from './compile-scope';
import { type Evaluator, dynamicScalar, isEmptyCell, stringifier } from './values';

type Call = Extract<Expr, { kind: 'call' }>;
type Compile = (expr: Expr, scope: CompileScope) => Evaluator;

/** Kusto bins datetimes from 0001-01-01 (its tick zero), not from the Unix epoch: this is the gap in ms. */
const tickZeroToEpochMs = 62_135_596_800_000;

function toNumber(value: Cell, type: KqlType): number | null {
  const scalar = type === 'dynamic' ? dynamicScalar(value) : value;
  if (typeof scalar === 'number') return scalar;
  if (typeof scalar === 'boolean') return scalar ? 1 : 0;
  if (typeof scalar === 'string' && scalar.trim() !== '') {
    const parsed = Number(scalar.trim());
    return Number.isNaN(parsed) ? null : parsed;
  }
  return null;
}

/**
 * Rounds half away from zero at `digits` decimal digits, as Kusto's round does (round(2.15, 1) is
 * 2.2). Shifting through the decimal text, not by multiplying, keeps 2.15 * 10 from becoming 21.4999….
 */
function round(value: number, digits: number): number {
  const magnitude = Math.abs(value);
  const text = String(magnitude);
  const shifted = text.includes('e') ? magnitude * 10 ** digits : Number(`${text}e${digits}`);
  const rounded = Math.round(shifted);
  const back = text.includes('e') ? rounded / 10 ** digits : Number(`${rounded}e${-digits}`);
  return value < 0 ? -back : back;
}

function bin(value: Cell, size: Cell, type: KqlType): Cell {
  if (typeof value !== 'number' || typeof size !== 'number' || size <= 0) return null;
  if (type === 'datetime') {
    return Math.floor((value + tickZeroToEpochMs) / size) * size - tickZeroToEpochMs;
  }
  return Math.floor(value / size) * size;
}

/** A scalar function call compiled over its compiled arguments. */
export function compileCall(expr: Call, scope: CompileScope, compile: Compile): Evaluator {
  const args = expr.args.map((arg) => compile(arg, scope));
  const types = expr.args.map((arg) => arg.type);
  const [a = () => null, b = () => null, c = () => null] = args;
  const [typeA = 'dynamic'] = types;
  const textA = stringifier(typeA);
  const now = scope.now;
  switch (expr.name) {
    case 'not':
      return (row) => {
        const value = a(row);
        return typeof value === 'boolean' ? !value : null;
      };
    case 'isempty':
      return (row) => isEmptyCell(a(row));
    case 'isnotempty':
      return (row) => !isEmptyCell(a(row));
    case 'isnull':
      return (row) => a(row) === null;
    case 'isnotnull':
      return (row) => a(row) !== null;
    case 'now':
      return args.length === 0 ? () => now : (row) => now + ((a(row) as number | null) ?? 0);
    case 'ago':
      return (row) => {
        const span = a(row);
        return typeof span === 'number' ? now - span : null;
      };
    case 'tostring':
      return (row) => textA(a(row));
    case 'toint':
    case 'tolong':
      return (row) => {
        const value = toNumber(a(row), typeA);
        return value === null || !Number.isFinite(value) ? null : Math.trunc(value);
      };
    case 'todouble':
      return (row) => toNumber(a(row), typeA);
    case 'round':
      return (row) => {
        const value = a(row);
        const digits = args.length > 1 ? b(row) : 0;
        return typeof value === 'number' && typeof digits === 'number' ? round(value, digits) : null;
      };
    case 'strcat': {
      const texts = types.map(stringifier);
      return (row) => {
        let text = '';
        for (let i = 0; i < args.length; i++) text += texts[i]!(args[i]!(row));
        return text;
      };
    }
    case 'iff':
      return (row) => (a(row) === true ? b(row) : c(row));
    case 'case':
      return (row) => {
        const last = args.length - 1;
        for (let i = 0; i + 1 < args.length; i += 2) if (args[i]!(row) === true) return args[i + 1]!(row);
        return args[last]!(row);
      };
    case 'bin':
      return (row) => bin(a(row), b(row), typeA);
    case 'tolower':
      return (row) => textA(a(row)).toLowerCase();
    case 'toupper':
      return (row) => textA(a(row)).toUpperCase();
    case 'strlen':
      return (row) => textA(a(row)).length;
    default:
      throw new KqlError('EvaluationError', `No evaluator for function '${expr.name}'`);
  }
}
