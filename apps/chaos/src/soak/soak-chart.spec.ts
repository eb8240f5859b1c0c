import { renderSoakChart } from './soak-chart';

describe('renderSoakChart', () => {
  it('draws one escaped, titled panel with a polyline per series', () => {
    const svg = renderSoakChart('soak <1 min>', [
      {
        name: 'RSS',
        unit: 'MiB',
        colour: '#c33',
        points: [
          { tS: 0, value: 80 },
          { tS: 60, value: 90 },
        ],
      },
      {
        name: 'probe',
        unit: 'ms',
        colour: '#36c',
        points: [
          { tS: 0, value: 1 },
          { tS: 60, value: 2 },
        ],
      },
    ]);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('soak &lt;1 min&gt;');
    expect(svg.match(/<polyline /g)).toHaveLength(2);
    expect(svg).toContain('RSS (MiB)');
  });

  it('renders an empty series without NaN', () => {
    expect(renderSoakChart('empty', [{ name: 'RSS', unit: 'MiB', colour: '#c33', points: [] }])).not.toContain('NaN');
  });
});
