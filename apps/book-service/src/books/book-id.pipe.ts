import { Injectable, type PipeTransform } from '@nestjs/common';
import { InvalidBookIdError } from './errors';

const MAX_BOOK_ID = 2 ** 31 - 1;

/** `/books/42` → 42; anything but a positive decimal integer is a 400, never a 500. */
@Injectable()
export class BookIdPipe implements PipeTransform<string, number> {
  transform(raw: string): number {
    if (!/^[1-9]\d{0,9}$/.test(raw)) throw new InvalidBookIdError(raw);
    const id = Number(raw);
    if (id > MAX_BOOK_ID) throw new InvalidBookIdError(raw);
    return id;
  }
}
