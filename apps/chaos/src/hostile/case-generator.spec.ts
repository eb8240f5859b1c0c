import { generateCases } from './case-generator';
import { validRequests } from './valid-requests';

const bases = validRequests('sidecar', '127.0.0.1:1234');

describe('generateCases', () => {
  it('is reproducible from the seed', () => {
    const a = generateCases({ seed: 1, target: 'sidecar', count: 50, bases });
    const b = generateCases({ seed: 1, target: 'sidecar', count: 50, bases });
    expect(a.map((c) => Buffer.concat(c.parts.map((p) => p.bytes)))).toEqual(b.map((c) => Buffer.concat(c.parts.map((p) => p.bytes))));
    expect(a.map((c) => c.name)).toEqual(b.map((c) => c.name));
  });

  it('differs by seed and by target', () => {
    const bytes = (seed: number, target: 'sidecar' | 'bookService') =>
      generateCases({ seed, target, count: 20, bases }).map((c) => c.parts[0]?.bytes.toString('latin1'));
    expect(bytes(1, 'sidecar')).not.toEqual(bytes(2, 'sidecar'));
    expect(bytes(1, 'sidecar')).not.toEqual(bytes(1, 'bookService'));
  });

  it('never allows a 500, and allows a silent close only for messages it left incomplete', () => {
    for (const hostile of generateCases({ seed: 9, target: 'sidecar', count: 300, bases })) {
      expect(hostile.expect.statuses).not.toContain(500);
      if (hostile.expect.closeWithoutAnswer === true && !hostile.name.includes('method')) expect(hostile.endAfterSend).toBe(true);
    }
  });

  it('names each case with its seed, index and mutations', () => {
    const [first] = generateCases({ seed: 5, target: 'sidecar', count: 1, bases });
    expect(first?.name).toMatch(/^generated sidecar #0 \(seed 5\): [a-z-]+(\+[a-z-]+)*$/);
  });
});
