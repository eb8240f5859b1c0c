import { s } from '@mirrormesh/schema';
import { ProxyConfigError } from '../errors';
import { compileCompareRules, DEFAULT_COMPARE_RULES, validateComparePath } from './compare-rules';
import { cursorAt } from './path-trie';

describe('validateComparePath', () => {
  it('accepts header names and JSON paths', () => {
    for (const entry of ['date', 'X-Powered-By', '$', '$.servedAt', '$.reviews[*].id', '$["a b"].c[0]']) {
      expect(validateComparePath(entry)).toBeUndefined();
    }
  });

  it('names the entry and what is wrong with it', () => {
    expect(validateComparePath('$.a[')).toBe('"$.a[" is not a JSON path: unclosed "[" at character 3');
    expect(validateComparePath('x powered by')).toBe('"x powered by" is neither a header name nor a JSON path (which starts with "$")');
    expect(validateComparePath('')).toBe('"" is neither a header name nor a JSON path (which starts with "$")');
  });

  it('fits a config schema: the schema names where the entry is, the message what is wrong', () => {
    const compare = s.object({ ignore: s.array(s.string().refine(validateComparePath)) });
    expect(() => compare.parse({ ignore: ['date', '$.servedAt', '$.a['] }, 'compare')).toThrow(
      'ignore[2] "$.a[" is not a JSON path: unclosed "[" at character 3',
    );
  });
});

describe('compileCompareRules', () => {
  it('keeps the defaults and adds the config, header names in lower case', () => {
    const rules = compileCompareRules({ ignore: ['X-Powered-By', '$.servedAt'], redact: ['X-Api-Key', '$.user.email'] });
    expect(rules.ignoredHeaders.has('x-powered-by')).toBe(true);
    expect(rules.ignoredHeaders.has('date')).toBe(true);
    expect(rules.redactedHeaders.has('x-api-key')).toBe(true);
    expect(rules.redactedHeaders.has('set-cookie')).toBe(true);
    expect(cursorAt(rules.ignoredBody, ['servedAt'])?.matched).toBe(true);
    expect(cursorAt(rules.redactedBody, ['user', 'email'])?.matched).toBe(true);
  });

  it('reads a header path copied from the report (headers.<name>) as the header', () => {
    const rules = compileCompareRules({ ignore: ['headers.X-Powered-By'], redact: ['headers.x-api-key'] });
    expect(rules.ignoredHeaders.has('x-powered-by')).toBe(true);
    expect(rules.redactedHeaders.has('x-api-key')).toBe(true);
    expect(validateComparePath('headers.')).toBe('"headers." is neither a header name nor a JSON path (which starts with "$")');
  });

  it('ignores no body path and redacts only credential headers by default', () => {
    expect(DEFAULT_COMPARE_RULES.ignoredBody).toBeUndefined();
    expect(DEFAULT_COMPARE_RULES.redactedBody).toBeUndefined();
    expect([...DEFAULT_COMPARE_RULES.redactedHeaders].sort()).toEqual(['authorization', 'cookie', 'proxy-authorization', 'set-cookie']);
    expect(DEFAULT_COMPARE_RULES.ignoredHeaders.has('content-type')).toBe(false);
  });

  it('refuses every bad entry at once, each named by list and index', () => {
    const compile = () => compileCompareRules({ ignore: ['date', '$.ok', '$.a['], redact: ['a b'] });
    expect(compile).toThrow(ProxyConfigError);
    expect(compile).toThrow(
      'ignore[2] "$.a[" is not a JSON path: unclosed "[" at character 3\n' +
        'redact[0] "a b" is neither a header name nor a JSON path (which starts with "$")',
    );
  });
});
