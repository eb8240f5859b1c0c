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
