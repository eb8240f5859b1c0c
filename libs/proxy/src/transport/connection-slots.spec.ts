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

describe('ConnectionSlots pending limit (http1MaxPendingRequests)', () => {
  it('refuses a limited request once the limit waits, and takes it again when one starts', () => {
    const log: string[] = [];
    const slots = new ConnectionSlots(1);
    expect(slots.tryAcquire(waiter(log, 'a'), 2)).toBe(true);
    expect(slots.tryAcquire(waiter(log, 'b'), 2)).toBe(true);
    expect(slots.tryAcquire(waiter(log, 'c'), 2)).toBe(true);
    expect(slots.tryAcquire(waiter(log, 'd'), 2)).toBe(false);
    slots.release();
    expect(slots.tryAcquire(waiter(log, 'e'), 2)).toBe(true);
    expect(log).toEqual(['start a', 'start b']);
    expect(slots.waiting).toBe(2);
  });

  it('never counts mirror copies: a queue full of copies refuses no live request', () => {
    const log: string[] = [];
    const slots = new ConnectionSlots(1);
    slots.acquire(waiter(log, 'a'));
    for (let i = 0; i < 10; i += 1) slots.acquire(waiter(log, `copy${i}`));
    expect(slots.tryAcquire(waiter(log, 'live'), 1)).toBe(true);
    expect(slots.tryAcquire(waiter(log, 'live2'), 1)).toBe(false);
  });

  it('does not count requests that ended while they waited', () => {
    const log: string[] = [];
    const slots = new ConnectionSlots(1);
    slots.tryAcquire(waiter(log, 'a'), 1);
    const late = waiter(log, 'late');
    slots.tryAcquire(late, 1);
    late.ended = true;
    expect(slots.tryAcquire(waiter(log, 'fresh'), 1)).toBe(true);
    slots.release();
    expect(log).toEqual(['start a', 'start fresh']);
    expect(slots.waiting).toBe(0);
  });
});
