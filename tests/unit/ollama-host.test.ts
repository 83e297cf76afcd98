import { describe, expect, it } from 'vitest';
import {
  DEFAULT_OLLAMA_HOST,
  connectableOllamaHost,
  hostProblem,
  ollamaEnvHost,
  resolveOllamaHost,
  splitHostPort,
} from '../../src/shared/ollama-host';

// Cases copied from Ollama's envconfig/config_test.go (TestHost), same inputs, same expectations.
const hostCases: Array<[string, string, string]> = [
  ['empty', '', 'http://127.0.0.1:11434'],
  ['only address', '1.2.3.4', 'http://1.2.3.4:11434'],
  ['only port', ':1234', 'http://:1234'],
  ['address and port', '1.2.3.4:1234', 'http://1.2.3.4:1234'],
  ['hostname', 'example.com', 'http://example.com:11434'],
  ['hostname and port', 'example.com:1234', 'http://example.com:1234'],
  ['zero port', ':0', 'http://:0'],
  ['too large port', ':66000', 'http://:11434'],
  ['too small port', ':-1', 'http://:11434'],
  ['ipv6 localhost', '[::1]', 'http://[::1]:11434'],
  ['ipv6 world open', '[::]', 'http://[::]:11434'],
  ['ipv6 no brackets', '::1', 'http://[::1]:11434'],
  ['ipv6 + port', '[::1]:1337', 'http://[::1]:1337'],
  ['extra space', ' 1.2.3.4 ', 'http://1.2.3.4:11434'],
  ['extra quotes', '"1.2.3.4"', 'http://1.2.3.4:11434'],
  ['extra space+quotes', ' " 1.2.3.4 " ', 'http://1.2.3.4:11434'],
  ['extra single quotes', "'1.2.3.4'", 'http://1.2.3.4:11434'],
  ['http', 'http://1.2.3.4', 'http://1.2.3.4:80'],
  ['http port', 'http://1.2.3.4:4321', 'http://1.2.3.4:4321'],
  ['https', 'https://1.2.3.4', 'https://1.2.3.4:443'],
  ['https port', 'https://1.2.3.4:4321', 'https://1.2.3.4:4321'],
  ['proxy path', 'https://example.com/ollama', 'https://example.com:443/ollama'],
  ['ollama.com', 'ollama.com', 'https://ollama.com:443'],
];

// From TestConnectableHost in the same file.
const connectableCases: Array<[string, string, string]> = [
  ['empty', '', 'http://127.0.0.1:11434'],
  ['localhost', '127.0.0.1', 'http://127.0.0.1:11434'],
  ['localhost and port', '127.0.0.1:1234', 'http://127.0.0.1:1234'],
  ['ipv4 unspecified', '0.0.0.0', 'http://127.0.0.1:11434'],
  ['ipv4 unspecified + port', '0.0.0.0:1234', 'http://127.0.0.1:1234'],
  ['ipv6 unspecified', '[::]', 'http://[::1]:11434'],
  ['ipv6 unspecified + port', '[::]:1234', 'http://[::1]:1234'],
  ['ipv6 localhost', '[::1]', 'http://[::1]:11434'],
  ['ipv6 localhost + port', '[::1]:1234', 'http://[::1]:1234'],
  ['specific address', '192.168.1.5', 'http://192.168.1.5:11434'],
  ['specific address + port', '192.168.1.5:8080', 'http://192.168.1.5:8080'],
  ['hostname', 'example.com', 'http://example.com:11434'],
  ['hostname and port', 'example.com:1234', 'http://example.com:1234'],
  ['https unspecified + port', 'https://0.0.0.0:4321', 'https://127.0.0.1:4321'],
];

describe('ollamaEnvHost follows envconfig.Host()', () => {
  it.each(hostCases)('%s: %j → %s', (_name, value, expected) => {
    expect(ollamaEnvHost(value)).toBe(expected);
  });

  it.each([
    ['a full IPv6 address is printed in its short form', '0:0:0:0:0:0:0:1', 'http://[::1]:11434'],
    ['an IPv4-mapped address is printed as IPv4', '::ffff:10.0.0.2', 'http://10.0.0.2:11434'],
    ['a port that is not a number falls back to the default', 'example.com:abc', 'http://example.com:11434'],
    ['an empty port falls back to the default', 'example.com:', 'http://example.com:11434'],
    ['an unknown scheme keeps Ollama’s own default port', 'ftp://example.com', 'ftp://example.com:11434'],
    ['a trailing slash adds no path', 'http://example.com:8080/', 'http://example.com:8080'],
  ])('%s', (_name, value, expected) => {
    expect(ollamaEnvHost(value)).toBe(expected);
  });
});

describe('connectableOllamaHost follows envconfig.ConnectableHost()', () => {
  it.each(connectableCases)('%s: %j → %s', (_name, value, expected) => {
    expect(connectableOllamaHost(value)).toBe(expected);
  });

  it('connects to loopback for an empty host, where Go would dial the local machine', () => {
    expect(connectableOllamaHost(':1234')).toBe('http://127.0.0.1:1234');
  });

  it('treats an IPv4-mapped unspecified address as 0.0.0.0', () => {
    expect(connectableOllamaHost('[::ffff:0.0.0.0]:80')).toBe('http://127.0.0.1:80');
  });
});

describe('resolveOllamaHost', () => {
  it('prefers the host from Settings over OLLAMA_HOST', () => {
    expect(resolveOllamaHost('10.0.0.5:9000', '1.2.3.4')).toBe('http://10.0.0.5:9000');
  });

  it('uses OLLAMA_HOST when Settings has none', () => {
    expect(resolveOllamaHost(null, '0.0.0.0')).toBe('http://127.0.0.1:11434');
    expect(resolveOllamaHost(undefined, 'https://example.com/ollama')).toBe('https://example.com:443/ollama');
  });

  it('treats a blank Settings host as unset', () => {
    expect(resolveOllamaHost('  ', 'example.com')).toBe('http://example.com:11434');
  });

  it('falls back to the default when neither is set', () => {
    expect(resolveOllamaHost(null, undefined)).toBe(DEFAULT_OLLAMA_HOST);
    expect(resolveOllamaHost('', '""')).toBe(DEFAULT_OLLAMA_HOST);
  });

  it('reads the Settings host with Ollama’s rules too', () => {
    expect(resolveOllamaHost('localhost', undefined)).toBe('http://localhost:11434');
    expect(resolveOllamaHost('http://localhost', undefined)).toBe('http://localhost:80');
  });
});

describe('splitHostPort mirrors Go net.SplitHostPort', () => {
  it.each([
    ['1.2.3.4:80', { host: '1.2.3.4', port: '80' }],
    [':80', { host: '', port: '80' }],
    ['[::1]:80', { host: '::1', port: '80' }],
    ['example.com:', { host: 'example.com', port: '' }],
  ])('splits %s', (input, expected) => {
    expect(splitHostPort(input)).toEqual(expected);
  });

  it.each(['1.2.3.4', '::1', '[::1]', '[::1]x:80', 'a:b:c', '[::1:80', 'a]:80'])('rejects %s', (input) => {
    expect(splitHostPort(input)).toBeNull();
  });
});

describe('hostProblem', () => {
  it.each(['', '  ', '127.0.0.1', 'localhost:11434', 'http://127.0.0.1:11434', 'https://example.com/ollama', '[::1]:11434', '::1', '0.0.0.0'])(
    'accepts %j',
    (input) => {
      expect(hostProblem(input)).toBeNull();
    },
  );

  it.each([
    ['ftp://example.com', /use http:\/\/ or https:\/\//],
    ['localhost:99999', /port "99999" must be a number from 1 to 65535/],
    ['localhost:0', /port "0"/],
    ['localhost:abc', /port "abc"/],
    ['http://', /host is empty/],
    ['a:b:c', /too many colons/],
    ["[nope]:80", /not a valid bracketed IPv6 address/],
    ['my host', /"my host" is not a valid host name/],
    ['user@example.com', /is not a valid host name/],
  ])('reports a problem with %j', (input, message) => {
    expect(hostProblem(input)).toMatch(message);
  });
});
