import { named } from './case-context';

describe('named cases', () => {
  const ctx = { target: 'bookService', authority: '127.0.0.1:1' } as const;
  const sending = (bytes: number) => named(ctx, 'body', 'x', { parts: [{ bytes: Buffer.alloc(bytes) }], expect: { statuses: [413] } });

  it('lets a request past the services’ body limit be closed without an answer, saying why', () => {
    expect(sending(1024 * 1024 + 1)).toMatchObject({
      expect: { statuses: [413], closeWithoutAnswer: true },
      why: expect.stringMatching(/lingering/),
    });
  });

  it('holds a request within the limit to its answer', () => {
    const within = sending(1024 * 1024);
    expect(within.expect.closeWithoutAnswer).toBeUndefined();
    expect(within.name).toBe('bookService body: x');
  });
});
