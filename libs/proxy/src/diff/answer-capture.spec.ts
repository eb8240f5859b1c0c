import { ByteBudget } from '../limits/byte-budget';
import { AnswerCapture, type CaptureOwner } from './answer-capture';

const KiB = 1024;

/** The comparison's side of a capture: what it was told. */
class RecordingOwner implements CaptureOwner {
  settled = 0;
  overBudget = 0;
  captureSettled(): void {
    this.settled += 1;
  }
  captureOverBudget(): void {
    this.overBudget += 1;
  }
}

function setUp(maxBodyBytes: number, budgetBytes = 1024 * KiB) {
  const budget = new ByteBudget(budgetBytes);
  const owner = new RecordingOwner();
  const capture = new AnswerCapture('req-1', maxBodyBytes, budget, owner);
  return { budget, owner, capture };
}

const bytes = (length: number, fill: number) => Buffer.alloc(length, fill);

describe('AnswerCapture', () => {
  it('copies a declared body into one buffer of the declared size, charged once', () => {
    const { budget, capture } = setUp(64 * KiB);
    capture.start(200, { 'content-length': String(10 * KiB), 'content-type': 'application/json' });
    expect(budget.heldBytes).toBe(0);
    const first = bytes(4 * KiB, 0x61);
    capture.data(first);
    expect(budget.heldBytes).toBe(10 * KiB);
    first.fill(0x7a); // the exchange reuses its chunk: the capture holds a copy
    capture.data(bytes(6 * KiB, 0x62));
    expect(budget.heldBytes).toBe(10 * KiB);
    capture.finish(true, undefined);

    const answer = capture.answer();
    expect(answer.status).toBe(200);
    expect(answer.contentType).toBe('application/json');
    expect(answer.body).toEqual(Buffer.concat([bytes(4 * KiB, 0x61), bytes(6 * KiB, 0x62)]));
    expect(capture.answer().body).toBe(answer.body);
  });

  it('grows an undeclared body by doubling, charges what it holds and trims it once whole', () => {
    const { budget, capture } = setUp(64 * KiB);
    capture.start(200, {});
    capture.data(bytes(KiB, 1));
    expect(budget.heldBytes).toBe(KiB);
    capture.data(bytes(KiB, 2));
    expect(budget.heldBytes).toBe(2 * KiB);
    capture.data(bytes(100, 3));
    expect(budget.heldBytes).toBe(4 * KiB);
    capture.finish(true, undefined);
    expect(budget.heldBytes).toBe(2 * KiB + 100);
    expect(capture.answer().body).toEqual(Buffer.concat([bytes(KiB, 1), bytes(KiB, 2), bytes(100, 3)]));
  });

  it('never copies a body declared over the cap: status and headers only', () => {
    const { budget, capture } = setUp(8 * KiB);
    capture.start(200, { 'content-length': String(9 * KiB) });
    capture.data(bytes(9 * KiB, 1));
    expect(budget.heldBytes).toBe(0);
    capture.finish(true, undefined);
    expect(capture.answer()).toMatchObject({ status: 200, body: undefined });
  });

  it('gives back what it held when an undeclared body passes the cap', () => {
    const { budget, capture } = setUp(8 * KiB);
    capture.start(200, {});
    capture.data(bytes(6 * KiB, 1));
    expect(budget.heldBytes).toBe(6 * KiB);
    capture.data(bytes(3 * KiB, 1));
    expect(budget.heldBytes).toBe(0);
    capture.data(bytes(KiB, 1));
    capture.finish(true, undefined);
    expect(capture.answer().body).toBeUndefined();
    expect(budget.heldBytes).toBe(0);
  });

  it('compares a smaller cap on status only when the body passes it', () => {
    const { capture } = setUp(8 * KiB);
    capture.start(200, {});
    capture.data(bytes(6 * KiB, 1));
    capture.finish(true, undefined);
    expect(capture.answer(4 * KiB).body).toBeUndefined();
    expect(capture.answer().body?.length).toBe(6 * KiB);
  });

  it('tells its owner when the budget cannot take the body, and takes nothing', () => {
    const { budget, owner, capture } = setUp(64 * KiB, 16 * KiB);
    budget.tryTake(10 * KiB);
    capture.start(200, { 'content-length': String(8 * KiB) });
    capture.data(bytes(KiB, 1));
    expect(owner.overBudget).toBe(1);
    expect(budget.heldBytes).toBe(10 * KiB);
  });

  it('starts over on a retried attempt, giving back the first attempt bytes', () => {
    const { budget, capture } = setUp(64 * KiB);
    capture.start(503, { 'content-length': String(4 * KiB) });
    capture.data(bytes(4 * KiB, 1));
    capture.start(200, { 'content-length': '3' });
    expect(budget.heldBytes).toBe(0);
    capture.data(Buffer.from('{}\n'));
    capture.finish(true, undefined);
    expect(budget.heldBytes).toBe(3);
    expect(capture.answer()).toMatchObject({ status: 200, body: Buffer.from('{}\n') });
  });

  it('answers an empty body when none came (HEAD, 204), holding nothing', () => {
    const { budget, capture } = setUp(64 * KiB);
    capture.start(200, { 'content-length': String(4 * KiB) });
    capture.finish(true, undefined);
    expect(budget.heldBytes).toBe(0);
    expect(capture.answer().body).toEqual(Buffer.alloc(0));
  });

  it('frees the body the moment it is released, not when the collector finds it', () => {
    const { budget, capture } = setUp(64 * KiB);
    capture.start(200, { 'content-length': String(4 * KiB) });
    capture.data(bytes(4 * KiB, 1));
    capture.finish(true, undefined);
    const body = capture.answer().body as Buffer;
    capture.release();
    expect(budget.heldBytes).toBe(0);
    expect((body.buffer as ArrayBuffer).detached).toBe(true);
    expect(body.length).toBe(0);
    capture.data(bytes(KiB, 1));
    expect(budget.heldBytes).toBe(0);
  });

  it('fails and frees on an incomplete exchange', () => {
    const { budget, owner, capture } = setUp(64 * KiB);
    capture.start(200, { 'content-length': String(4 * KiB) });
    capture.data(bytes(KiB, 1));
    capture.finish(false, 'UND_ERR_SOCKET');
    expect(capture.state).toBe('failed');
    expect(capture.errorCode).toBe('UND_ERR_SOCKET');
    expect(owner.settled).toBe(1);
    expect(budget.heldBytes).toBe(0);
  });
});
