import { describe, expect, it } from 'vitest';
import { curlListModels, maskApiKey, shellQuote } from '../../src/shared/api-key-curl';

describe('the curl line for an API key', () => {
  it('lists the models at the OpenAI base URL, trailing slash or not', () => {
    expect(curlListModels('http://127.0.0.1:8000/v1/', 'abc')).toBe("curl -H 'Authorization: Bearer abc' 'http://127.0.0.1:8000/v1/models'");
  });

  it('quotes a key with shell characters so it arrives as typed', () => {
    expect(shellQuote(`a'b$c"d\`e`)).toBe(`'a'\\''b$c"d\`e'`);
  });

  it('masks all but the last four characters', () => {
    expect(maskApiKey('0123456789abcdef')).toBe(`${'•'.repeat(20)}cdef`);
  });
});
