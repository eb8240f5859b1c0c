/** A mirror copy as the queue sees it. */
export interface QueuedCopy {
  /** performance.now() when the copy was admitted. */
  readonly queuedAt: number;
  /** mirror.timeout: a copy that waited longer is never sent. */
  readonly timeoutMs: number;
  /** Ended while waiting (its body failed or outgrew the cap): skipped, never started. */
  readonly ended: boolean;
  start(): void;
  /** Ends the copy as timed out without sending it. */
  expire(): void;
}

interface ClusterQueue {
  active: number;
  capacity: number;
  waiting: (QueuedCopy | undefined)[];
  head: number;
}

/** Compact the waiting list once this many slots before its head are spent. */
const COMPACT_AFTER = 1024;

/**
 * Mirror copies wait here, not in undici's pool queue, for a free mirror connection. A
 * copy that waited past its timeout must not be sent, and aborting a request that undici
 * has just handed a connection destroys that connection: under a slow mirror every stale
 * copy cost a new TCP connection. Here a stale copy is expired without touching a socket,
 * and a waiting copy holds no connection, only its own small state. Keyed by cluster name,
 * so it survives reloads like the in-flight counts; its length is bounded by the in-flight cap.
 */
export class MirrorQueue {
  private readonly clusters = new Map<string, ClusterQueue>();

  /** Starts the copy at once when fewer than `capacity` copies of the cluster are sent, else queues it. */
  submit(cluster: string, capacity: number, copy: QueuedCopy): void {
    let queue = this.clusters.get(cluster);
    if (queue === undefined) this.clusters.set(cluster, (queue = { active: 0, capacity, waiting: [], head: 0 }));
    queue.capacity = capacity;
    if (queue.active < capacity && queue.head === queue.waiting.length) {
      queue.active += 1;
      copy.start();
    } else {
      queue.waiting.push(copy);
      this.startWaiting(queue);
    }
  }

  /** A started copy ended: the next waiting copies that are still in time take its place. */
  release(cluster: string): void {
    const queue = this.clusters.get(cluster);
    if (queue === undefined) return;
    queue.active = Math.max(0, queue.active - 1);
    this.startWaiting(queue);
  }

  /** Copies waiting for a connection, per cluster. */
  waiting(cluster: string): number {
    const queue = this.clusters.get(cluster);
    return queue === undefined ? 0 : queue.waiting.length - queue.head;
  }

  private startWaiting(queue: ClusterQueue): void {
    const now = performance.now();
    while (queue.active < queue.capacity && queue.head < queue.waiting.length) {
      const copy = queue.waiting[queue.head] as QueuedCopy;
      queue.waiting[queue.head] = undefined;
      queue.head += 1;
      if (copy.ended) continue;
      if (now - copy.queuedAt > copy.timeoutMs) {
        copy.expire();
        continue;
      }
      queue.active += 1;
      copy.start();
    }
    if (queue.head === queue.waiting.length) {
      queue.waiting.length = 0;
      queue.head = 0;
    } else if (queue.head >= COMPACT_AFTER && queue.head * 2 >= queue.waiting.length) {
      queue.waiting = queue.waiting.slice(queue.head);
      queue.head = 0;
    }
  }
}
