import { setImmediate as nextTurn } from 'node:timers/promises';
import { LineBatch } from './line-batch';

describe('LineBatch', () => {
  it('hands the lines of one turn over together, in order, in the next check phase', async () => {
    const writes: string[] = [];
    const batch = new LineBatch((text) => writes.push(text));
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
    const batch = new LineBatch((text) => writes.push(text));
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
    const batch = new LineBatch((text) => writes.push(text), { flushIntervalMs: 30, maxPendingChars: 1024 });
    batch.add('a\n');
    await nextTurn();
    batch.add('b\n');
    await nextTurn();
    expect(writes).toEqual([]);
    await waitFor(() => writes.length > 0);
    expect(writes).toEqual(['a\nb\n']);
  });

  it('flushes at once when the pending text reaches its bound', () => {
    const writes: string[] = [];
    const batch = new LineBatch((text) => writes.push(text), { flushIntervalMs: 60_000, maxPendingChars: 8 });
    batch.add('1234\n');
    expect(writes).toEqual([]);
    batch.add('5678\n');
    expect(writes).toEqual(['1234\n5678\n']);
    batch.add('9\n');
    batch.flush();
    expect(writes).toEqual(['1234\n5678\n', '9\n']);
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}
