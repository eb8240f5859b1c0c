import { parsePrometheusText, sumBy } from './prometheus-text';

const TEXT = `# HELP mirrormesh_requests_total Live requests by route, cluster and status code.
# TYPE mirrormesh_requests_total counter
mirrormesh_requests_total{route="books",cluster="live",code="200"} 41
mirrormesh_requests_total{route="books",cluster="live",code="upstream_reset"} 2
mirrormesh_requests_total{route="",cluster="",code="404"} 3
mirrormesh_mirror_inflight{cluster="mirror"} 0
mirrormesh_metric_series_overflow_total 0
weird{path="a\\"b\\\\c\\nd",x=""} 1.5e3
`;

describe('parsePrometheusText', () => {
  it('reads names, labels and values, skipping comments', () => {
    const samples = parsePrometheusText(TEXT);
    expect(samples).toHaveLength(6);
    expect(samples[0]).toEqual({ name: 'mirrormesh_requests_total', labels: { route: 'books', cluster: 'live', code: '200' }, value: 41 });
    expect(samples[4]).toEqual({ name: 'mirrormesh_metric_series_overflow_total', labels: {}, value: 0 });
  });

  it('unescapes quotes, backslashes and newlines in label values', () => {
    expect(parsePrometheusText(TEXT)[5]).toEqual({ name: 'weird', labels: { path: 'a"b\\c\nd', x: '' }, value: 1500 });
  });

  it('throws on a malformed line, naming it', () => {
    expect(() => parsePrometheusText('mirrormesh_requests_total{route="books" 1')).toThrow(/malformed .*route="books"/);
    expect(() => parsePrometheusText('x{a="1"} twelve')).toThrow('malformed value in metrics line: x{a="1"} twelve');
  });
});

describe('sumBy', () => {
  it('sums the matching samples by one label', () => {
    const samples = parsePrometheusText(TEXT);
    expect(sumBy(samples, 'mirrormesh_requests_total', 'code', (l) => l.cluster !== '')).toEqual({ '200': 41, upstream_reset: 2 });
    expect(sumBy(samples, 'mirrormesh_requests_total', 'route')).toEqual({ books: 43, '': 3 });
  });
});
