import { type IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import { ClientAbortedError, MirrorBodyTooLargeError, MirrorBufferBudgetError } from '../errors';
import { type RequestBody } from '../forwarding/request-body';
import { type ByteBudget } from '../limits/byte-budget';
import { type MirrorDropReason } from '../observability/channels';

/** A copy's body and the budget it holds, given back once when the copy ends. */
export interface CopyBody {
  readonly body: Buffer | Readable | null;
  release(): void;
}

const NO_COPY_BODY: CopyBody = { body: null, release: () => undefined };

/**
 * The body a mirror copy sends. A body read whole is shared with the live request (no
 * second buffer), charged to the proxy-wide mirror budget while the copy lives. A streamed
 * body is teed: live drives the pace and the copy never pushes back, so its buffer grows
 * when the mirror reads slowly; it is charged chunk by chunk, and past `maxBytes` or the
 * budget the copy alone is destroyed. Returns the drop reason when no copy can be made.
 */
export function copyBody(req: IncomingMessage, read: RequestBody, maxBytes: number, budget: ByteBudget): CopyBody | MirrorDropReason {
  if (read.kind === 'none') return NO_COPY_BODY;
  if (read.kind === 'whole') {
    const size = read.body.length;
    if (size > maxBytes) return 'body_too_large';
    if (!budget.tryTake(size)) return 'buffer_budget';
    let held = size;
    return {
      body: read.body,
      release: () => {
        budget.give(held);
        held = 0;
      },
    };
  }
  let size = 0;
  for (const chunk of read.prefix) size += chunk.length;
  if (size > maxBytes) return 'body_too_large';
  return teeCopy(req, read.prefix, maxBytes, budget);
}

function teeCopy(req: IncomingMessage, prefix: readonly Buffer[], maxBytes: number, budget: ByteBudget): CopyBody {
  const copy = new Readable({ read() {} });
  let bytes = 0;
  // What the copy's buffer holds, as charged: synced with readableLength whenever a chunk arrives.
  let charged = 0;
  const push = (chunk: Buffer) => {
    if (copy.destroyed) return;
    const held = copy.readableLength;
    budget.give(charged - held);
    charged = held;
    bytes += chunk.length;
    if (bytes > maxBytes) return void copy.destroy(new MirrorBodyTooLargeError(maxBytes));
    if (!budget.tryTake(chunk.length)) return void copy.destroy(new MirrorBufferBudgetError(budget.maxBytes));
    charged += chunk.length;
    copy.push(chunk);
  };
  for (const chunk of prefix) push(chunk);
  const onEnd = () => {
    if (!copy.destroyed) copy.push(null);
  };
  const onClose = () => {
    if (!req.complete) copy.destroy(new ClientAbortedError());
  };
  req.on('data', push);
  req.once('end', onEnd);
  req.once('close', onClose);
  return {
    body: copy,
    release: () => {
      req.off('data', push);
      req.off('end', onEnd);
      req.off('close', onClose);
      budget.give(charged);
      charged = 0;
      if (!copy.destroyed) copy.destroy();
    },
  };
}
