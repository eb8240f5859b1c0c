import { setImmediate as nextTurn } from 'node:timers/promises';
import { LineBatch } from './line-batch';

describe('LineBatch', () => {
  it('hands the lines of one turn over together, in order, in the next check phase', async () => {
    const writes: string[] = [];
    const batch = new LineBatch((bytes) => writes.push(bytes.toString()));
    batch.add('a\n');
    batch.add('b\n');
    batch.add('c\n');
    expect(writes).toEqual([]);
    await nextTurn();
    expect(writes).toEqual(['a\nb\nc\n']);
    batch.add('d\n');
    await nextTurn();
    expect(writes).toEqual(['a\nb\nc\n', 'd\n']);
  });

  it('flush hands over what is pending at once, and only once', async () => {
    const writes: string[] = [];
    const batch = new LineBatch((bytes) => writes.push(bytes.toString()));
    batch.add('a\n');
    batch.flush();
    expect(writes).toEqual(['a\n']);
    await nextTurn();
    batch.flush();
    expect(writes).toEqual(['a\n']);
  });
});

describe('LineBatch with a flush interval', () => {
  it('holds lines across turns until the interval has passed since the first', async () => {
    const writes: string[] = [];
    const batch = new LineBatch((bytes) => writes.push(bytes.toString()), { flushIntervalMs: 30, maxBytes: 1024 });
    batch.add('a\n');
    await nextTurn();
    batch.add('b\n');
    await nextTurn();
    expect(writes).toEqual([]);
    await waitFor(() => writes.length > 0);
    expect(writes).toEqual(['a\nb\n']);
  });

  it('flushes first when a line might not fit, and sends a line longer than a batch on its own', () => {
    const writes: string[] = [];
    const batch = new LineBatch((bytes) => writes.push(bytes.toString()), { flushIntervalMs: 60_000, maxBytes: 24 });
    batch.add('12345\n'); // 6 bytes, 18 at worst: fits
    batch.add('6789\n'); // 6 + 15 at worst: fits
    expect(writes).toEqual([]);
    batch.add('abcdefgh\n'); // 27 at worst: what waits goes first, then this line alone
    expect(writes).toEqual(['12345\n6789\n', 'abcdefgh\n']);
    batch.add('z\n');
    batch.flush();
    expect(writes).toEqual(['12345\n6789\n', 'abcdefgh\n', 'z\n']);
  });

  it('encodes every line as UTF-8, characters beyond one byte and surrogate pairs whole', () => {
    const writes: Buffer[] = [];
    const batch = new LineBatch((bytes) => writes.push(bytes), { flushIntervalMs: 60_000, maxBytes: 64 });
    const lines = ['héllo\n', '€uro\n', '😀 ok\n', '日本語\n', 'plain\n'];
    for (const line of lines) batch.add(line);
    batch.flush();
    expect(Buffer.concat(writes).toString('utf8')).toBe(lines.join(''));
  });

  it('hands over a copy: later lines do not change a batch already given', () => {
    const writes: Buffer[] = [];
    const batch = new LineBatch((bytes) => writes.push(bytes), { flushIntervalMs: 60_000, maxBytes: 64 });
    batch.add('first\n');
    batch.flush();
    batch.add('other\n');
    batch.flush();
    expect(writes.map((bytes) => bytes.toString())).toEqual(['first\n', 'other\n']);
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}
