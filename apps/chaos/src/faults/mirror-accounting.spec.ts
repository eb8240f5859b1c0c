import { accountingBetween, accountMirror, classifyMirrorCode, formatAccounting, unknownDropReasons } from './mirror-accounting';
import { parsePrometheusText } from './prometheus-text';

const metrics = (lines: string[]): ReturnType<typeof parsePrometheusText> => parsePrometheusText(lines.join('\n'));

describe('classifyMirrorCode', () => {
  it.each([
    ['200', 'answered'],
    ['500', 'answered'],
    ['upstream_timeout', 'timedOut'],
    ['upstream_connect_timeout', 'timedOut'],
    ['upstream_reset', 'failed'],
    ['upstream_refused', 'failed'],
    ['upstream_error', 'failed'],
    ['', 'failed'],
    ['0', 'failed'],
  ])('%s is %s', (code, expected) => {
    expect(classifyMirrorCode(code)).toBe(expected);
  });
});

describe('accountMirror', () => {
  const balanced = metrics([
    'mirrormesh_requests_total{route="books",cluster="live",code="200"} 95',
    'mirrormesh_requests_total{route="books",cluster="live",code="502"} 5',
    'mirrormesh_requests_total{route="",cluster="",code="404"} 7',
    'mirrormesh_requests_total{route="other",cluster="live",code="200"} 50',
    'mirrormesh_mirror_requests_total{route="books",cluster="mirror",code="200"} 60',
    'mirrormesh_mirror_requests_total{route="books",cluster="mirror",code="500"} 10',
    'mirrormesh_mirror_requests_total{route="books",cluster="mirror",code="upstream_reset"} 4',
    'mirrormesh_mirror_requests_total{route="books",cluster="mirror",code="upstream_timeout"} 12',
    'mirrormesh_mirror_requests_total{route="other",cluster="mirror",code="200"} 50',
    'mirrormesh_mirror_dropped_total{route="books",cluster="mirror",reason="inflight_cap"} 6',
    'mirrormesh_mirror_dropped_total{route="books",cluster="mirror",reason="unreachable"} 5',
    'mirrormesh_mirror_inflight{cluster="mirror"} 3',
  ]);

  it('balances live against copies ended, dropped and in flight, per route', () => {
    const a = accountMirror(balanced, 'books', 'mirror');
    expect(a).toMatchObject({ live: 100, answered: 70, failed: 4, timedOut: 12, dropped: 11, inflight: 3, unaccounted: 0 });
    expect(a.droppedByReason).toEqual({ inflight_cap: 6, unreachable: 5 });
    expect(a.liveByCode).toEqual({ '200': 95, '502': 5 });
  });

  it('leaves the proxy\'s own answers (cluster "") out of the live count', () => {
    expect(accountMirror(balanced, 'books', 'mirror').live).toBe(100);
  });

  it('counts the drop reasons of read-ahead bodies (buffer_budget, incomplete_request) like any other', () => {
    const withBodies = metrics([
      'mirrormesh_requests_total{route="books",cluster="live",code="200"} 10',
      'mirrormesh_mirror_requests_total{route="books",cluster="mirror",code="200"} 6',
      'mirrormesh_mirror_dropped_total{route="books",cluster="mirror",reason="buffer_budget"} 3',
      'mirrormesh_mirror_dropped_total{route="books",cluster="mirror",reason="incomplete_request"} 1',
    ]);
    const a = accountMirror(withBodies, 'books', 'mirror');
    expect(a).toMatchObject({ live: 10, dropped: 4, unaccounted: 0 });
    expect(unknownDropReasons(a)).toEqual([]);
  });

  it('names a drop reason the contract does not know', () => {
    const odd = metrics(['mirrormesh_mirror_dropped_total{route="books",cluster="mirror",reason="new_reason"} 1']);
    expect(unknownDropReasons(accountMirror(odd, 'books', 'mirror'))).toEqual(['new_reason']);
  });

  it('reports a copy that vanished as unaccounted', () => {
    const lost = balanced.filter((s) => s.labels.code !== 'upstream_reset');
    expect(accountMirror(lost, 'books', 'mirror').unaccounted).toBe(4);
  });

  it('reports a copy counted twice as negative', () => {
    const twice = metrics([
      'mirrormesh_requests_total{route="r",cluster="l",code="200"} 1',
      'mirrormesh_mirror_requests_total{route="r",cluster="m",code="200"} 2',
    ]);
    expect(accountMirror(twice, 'r', 'm').unaccounted).toBe(-1);
  });

  it('counts nothing when the route saw no traffic', () => {
    expect(accountMirror([], 'books', 'mirror')).toMatchObject({ live: 0, answered: 0, dropped: 0, inflight: 0, unaccounted: 0 });
  });
});

describe('accountingBetween', () => {
  it('gives one phase: counters and the gauge subtracted, unchanged codes left out', () => {
    const before = accountMirror(
      metrics([
        'mirrormesh_requests_total{route="r",cluster="l",code="200"} 10',
        'mirrormesh_mirror_requests_total{route="r",cluster="m",code="200"} 8',
        'mirrormesh_mirror_inflight{cluster="m"} 2',
      ]),
      'r',
      'm',
    );
    const after = accountMirror(
      metrics([
        'mirrormesh_requests_total{route="r",cluster="l",code="200"} 30',
        'mirrormesh_mirror_requests_total{route="r",cluster="m",code="200"} 8',
        'mirrormesh_mirror_requests_total{route="r",cluster="m",code="upstream_reset"} 22',
        'mirrormesh_mirror_inflight{cluster="m"} 0',
      ]),
      'r',
      'm',
    );
    const phase = accountingBetween(before, after);
    expect(phase).toMatchObject({ live: 20, answered: 0, failed: 22, inflight: -2, unaccounted: 0 });
    expect(phase.mirrorByCode).toEqual({ upstream_reset: 22 });
    expect(formatAccounting(phase)).toBe('mirror answered 0 failed 22 timed-out 0 dropped 0 in-flight -2');
  });
});
