import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { kustoBlocks } from './kusto-blocks';

describe('kustoBlocks', () => {
  it('finds the kusto and kql blocks in order with the line their text starts on, and nothing else', () => {
    const markdown = [
      '# Title',
      '```sh',
      'npm start',
      '```',
      '```kusto',
      'requests',
      '| take 5',
      '```',
      'text',
      '~~~KQL',
      'dependencies',
      '~~~',
    ].join('\n');
    expect(kustoBlocks(markdown)).toEqual([
      { query: 'requests\n| take 5', line: 6 },
      { query: 'dependencies', line: 11 },
    ]);
  });

  it('runs an unclosed block to the end, and needs the closing fence to be as long', () => {
    expect(kustoBlocks('````kql\nrequests\n```\n| count')).toEqual([{ query: 'requests\n```\n| count', line: 2 }]);
  });

  it('reads the three queries of the lab’s LogAnalyticsQuery.md', () => {
    const file = join(__dirname, '..', '..', 'queries', 'LogAnalyticsQuery.md');
    const blocks = kustoBlocks(readFileSync(file, 'utf8'));
    expect(blocks.map((block) => block.query.split('\n')[0])).toEqual(['requests', 'requests', 'dependencies']);
  });
});
