/**
 * Bytes the proxy holds for a while and lets go of at a moment it knows (a comparison's
 * captured answers): each in its own ArrayBuffer, outside Node's shared allocation pool, so
 * that it can be freed at that moment instead of whenever the garbage collector next finds it.
 *
 * Why not leave it to the collector: a body held a second or so (a slow mirror's wait) is
 * promoted to V8's old space, which a full collection alone reclaims, and V8 schedules one
 * for outside memory only after it has grown by tens of MiB. Under a flood the bodies let go
 * of would pile up far past the budget that bounds the bodies held.
 */
export function allocateOwned(size: number): Buffer<ArrayBuffer> {
  return Buffer.allocUnsafeSlow(size);
}

/**
 * Frees `buffer`'s memory now by detaching its ArrayBuffer: every view of it (subarrays too)
 * reads as empty from here on. Only for buffers from allocateOwned that nothing reads again.
 */
export function freeOwned(buffer: Buffer<ArrayBuffer>): void {
  if (!buffer.buffer.detached) buffer.buffer.transfer(0);
}
