/** Mirror requests in flight per mirror cluster; kept across reloads (keyed by name). */
export class MirrorInflight {
  private readonly counts = new Map<string, number>();

  /** Takes a slot unless the cluster is at its cap. */
  tryAcquire(cluster: string, cap: number): boolean {
    const now = this.counts.get(cluster) ?? 0;
    if (now >= cap) return false;
    this.counts.set(cluster, now + 1);
    return true;
  }

  release(cluster: string): void {
    this.counts.set(cluster, (this.counts.get(cluster) ?? 1) - 1);
  }

  snapshot(): Record<string, number> {
    return Object.fromEntries(this.counts);
  }
}
