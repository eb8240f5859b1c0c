import { MirrorQueue, type QueuedCopy } from './mirror-queue';

function copy(log: string[], name: string, options: { queuedAt?: number; timeoutMs?: number } = {}): QueuedCopy & { ended: boolean } {
  return {
    queuedAt: options.queuedAt ?? performance.now(),
    timeoutMs: options.timeoutMs ?? 10_000,
    ended: false,
    start: () => log.push(`start ${name}`),
    expire: () => log.push(`expire ${name}`),
  };
}

describe('MirrorQueue', () => {
  it('starts copies up to the capacity, then one waiting copy per release, in order', () => {
    const log: string[] = [];
    const queue = new MirrorQueue();
    for (const name of ['a', 'b', 'c', 'd']) queue.submit('m', 2, copy(log, name));
    expect(log).toEqual(['start a', 'start b']);
    expect(queue.waiting('m')).toBe(2);
    queue.release('m');
    expect(log).toEqual(['start a', 'start b', 'start c']);
    queue.release('m');
    queue.release('m');
    expect(log).toEqual(['start a', 'start b', 'start c', 'start d']);
    expect(queue.waiting('m')).toBe(0);
  });

  it('expires copies that waited past their timeout instead of starting them, and skips ended ones', () => {
    const log: string[] = [];
    const queue = new MirrorQueue();
    queue.submit('m', 1, copy(log, 'a'));
    queue.submit('m', 1, copy(log, 'stale', { queuedAt: performance.now() - 500, timeoutMs: 300 }));
    const ended = copy(log, 'ended');
    queue.submit('m', 1, ended);
    ended.ended = true;
    queue.submit('m', 1, copy(log, 'fresh'));
    queue.release('m');
    expect(log).toEqual(['start a', 'expire stale', 'start fresh']);
  });

  it('keeps clusters apart and never lets a new copy pass waiting ones', () => {
    const log: string[] = [];
    const queue = new MirrorQueue();
    queue.submit('m', 1, copy(log, 'm1'));
    queue.submit('n', 1, copy(log, 'n1'));
    queue.submit('m', 1, copy(log, 'm2'));
    expect(log).toEqual(['start m1', 'start n1']);
    queue.release('n');
    queue.submit('n', 1, copy(log, 'n2'));
    expect(log).toEqual(['start m1', 'start n1', 'start n2']);
    expect(queue.waiting('m')).toBe(1);
  });

  it('stays bounded by what waits: spent slots are compacted away', () => {
    const log: string[] = [];
    const queue = new MirrorQueue();
    queue.submit('m', 1, copy(log, 'first'));
    for (let i = 0; i < 5000; i += 1) queue.submit('m', 1, copy(log, `w${i}`));
    for (let i = 0; i < 4990; i += 1) queue.release('m');
    expect(queue.waiting('m')).toBe(10);
    expect(log.at(-1)).toBe('start w4989');
  });
});
