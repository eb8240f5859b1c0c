import { formatDatetime, formatTimespan } from '../result/format-cell';
import type { Cell, KqlType } from '../types';

/** A compiled expression: a closure over one row of cells (column indexes resolved at compile time). */
export type Evaluator = (row: readonly Cell[]) => Cell;

function plainString(value: Cell): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/**
 * `tostring` as Kusto does it, for one type (chosen at compile time so no row switches on the type):
 * a dynamic string is the string itself (no quotes), null is "".
 */
export function stringifier(type: KqlType): (value: Cell) => string {
  switch (type) {
    case 'datetime':
      return (value) => (typeof value === 'number' ? (formatDatetime(value) ?? '') : plainString(value));
    case 'timespan':
      return (value) => (typeof value === 'number' ? formatTimespan(value) : plainString(value));
    default:
      return plainString;
  }
}

/** A dynamic value as a comparable scalar: primitives as they are, arrays and objects as JSON text. */
export function dynamicScalar(value: Cell): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  return typeof value === 'object' ? JSON.stringify(value) : value;
}

/** Ordering for sort, min, max and between: numbers numerically, strings ordinally, false before true. */
export function compareCells(a: Cell, b: Cell): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const x = dynamicScalar(a);
  const y = dynamicScalar(b);
  if (typeof x === typeof y) return x! < y! ? -1 : x! > y! ? 1 : 0;
  // Mixed kinds only meet inside dynamic values: order by kind so sorting stays total.
  return typeof x < typeof y ? -1 : 1;
}

/** A grouping key for summarize, distinct and dcount: equal cells, equal keys; null apart from "". */
export function cellKey(value: Cell): string | number | boolean {
  if (value === null || value === undefined) return '\u0000null';
  return typeof value === 'object' ? `\u0000json${JSON.stringify(value)}` : value;
}

export function isEmptyCell(value: Cell): boolean {
  return value === null || value === undefined || value === '';
}
