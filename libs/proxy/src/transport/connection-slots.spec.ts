import { ConnectionSlots, type SlotWaiter } from './connection-slots';

function waiter(log: string[], name: string): SlotWaiter & { ended: boolean } {
  return { ended: false, onSlot: () => log.push(`start ${name}`) };
}

describe('ConnectionSlots', () => {
  it('starts requests up to the capacity, then one waiter per release, in order', () => {
    const log: string[] = [];
    const slots = new ConnectionSlots(2);
    for (const name of ['a', 'b', 'c', 'd']) slots.acquire(waiter(log, name));
    expect(log).toEqual(['start a', 'start b']);
    expect(slots.waiting).toBe(2);
    slots.release();
    expect(log).toEqual(['start a', 'start b', 'start c']);
    slots.release();
    slots.release();
    expect(log).toEqual(['start a', 'start b', 'start c', 'start d']);
    expect(slots.waiting).toBe(0);
    expect(slots.inUse).toBe(1);
  });

  it('skips waiters that ended while they waited, without spending a connection on them', () => {
    const log: string[] = [];
    const slots = new ConnectionSlots(1);
    slots.acquire(waiter(log, 'a'));
    const late = waiter(log, 'late');
    slots.acquire(late);
    slots.acquire(waiter(log, 'fresh'));
    late.ended = true;
    slots.release();
    expect(log).toEqual(['start a', 'start fresh']);
    expect(slots.inUse).toBe(1);
  });

  it('never lets a new request pass waiting ones', () => {
    const log: string[] = [];
    const slots = new ConnectionSlots(1);
    slots.acquire(waiter(log, 'first'));
    slots.acquire(waiter(log, 'second'));
    slots.release();
    slots.acquire(waiter(log, 'third'));
    expect(log).toEqual(['start first', 'start second']);
    expect(slots.waiting).toBe(1);
  });

  it('stays bounded by what waits: spent places are compacted away', () => {
    const log: string[] = [];
    const slots = new ConnectionSlots(1);
    slots.acquire(waiter(log, 'first'));
    for (let i = 0; i < 5000; i += 1) slots.acquire(waiter(log, `w${i}`));
    for (let i = 0; i < 4990; i += 1) slots.release();
    expect(slots.waiting).toBe(10);
    expect(log.at(-1)).toBe('start w4989');
  });
});
