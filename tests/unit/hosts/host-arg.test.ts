import { describe, expect, it } from 'vitest';
import { chooseHost, chooseHosts } from '../../../src/shared/hosts/host-arg';
import type { HostsConfig } from '../../../src/shared/hosts/host-list';

const PRIMARY = 'http://127.0.0.1:11434';
const config: HostsConfig = {
  primary: { name: 'local', url: null },
  others: [
    { name: 'gpu-box', url: 'http://10.0.0.5:11434' },
    { name: 'ci', url: 'ci-runner.internal' },
  ],
};

describe('--host: a host named in Settings, or an Ollama address', () => {
  it('takes a configured name, as a person reads it (case does not matter)', () => {
    expect(chooseHost('gpu-box', config, PRIMARY)).toEqual({ kind: 'configured', name: 'gpu-box' });
    expect(chooseHost('GPU-Box', config, PRIMARY)).toEqual({ kind: 'configured', name: 'gpu-box' });
    expect(chooseHost('local', config, PRIMARY)).toEqual({ kind: 'configured', name: 'local' });
  });

  it('takes an address a configured host has as that host, whichever way it is written', () => {
    expect(chooseHost('10.0.0.5', config, PRIMARY)).toEqual({ kind: 'configured', name: 'gpu-box' });
    expect(chooseHost('http://ci-runner.internal:11434/', config, PRIMARY)).toEqual({ kind: 'configured', name: 'ci' });
    expect(chooseHost('localhost:11434', config, 'http://localhost:11434')).toEqual({ kind: 'configured', name: 'local' });
    expect(chooseHost('127.0.0.1', config, PRIMARY)).toEqual({ kind: 'configured', name: 'local' });
  });

  it('takes any other address as the primary at that address, read with OLLAMA_HOST rules', () => {
    expect(chooseHost('other-box', config, PRIMARY)).toEqual({ kind: 'address', url: 'http://other-box:11434' });
    expect(chooseHost('https://example.com/ollama', config, PRIMARY)).toEqual({ kind: 'address', url: 'https://example.com:443/ollama' });
  });

  it('resolves the ambiguity in favour of the name: a machine called like a host is reached with a port or scheme', () => {
    const clash: HostsConfig = { primary: { name: 'local', url: null }, others: [{ name: 'gpu-box', url: 'http://10.0.0.5:11434' }] };
    expect(chooseHost('gpu-box', clash, PRIMARY)).toEqual({ kind: 'configured', name: 'gpu-box' });
    expect(chooseHost('gpu-box:11434', clash, PRIMARY)).toEqual({ kind: 'address', url: 'http://gpu-box:11434' });
  });

  it('refuses what is neither, naming the hosts there are', () => {
    expect(() => chooseHost('ftp://x', config, PRIMARY)).toThrow('--host "ftp://x" is neither a host in Settings (local, gpu-box, ci) nor an Ollama address: "ftp://" is not supported');
  });

  it('several: names and known addresses, and at most one unknown address (the primary’s for this run)', () => {
    expect(chooseHosts(['gpu-box', '10.0.0.5', 'ci'], config, PRIMARY)).toEqual({ names: ['gpu-box', 'ci'], primaryUrl: null });
    expect(chooseHosts(['gpu-box', 'http://elsewhere:11434'], config, PRIMARY)).toEqual({ names: ['gpu-box', 'local'], primaryUrl: 'http://elsewhere:11434' });
    expect(() => chooseHosts(['a-box:1', 'b-box:2'], config, PRIMARY)).toThrow(/Only one --host may be an address no host in Settings has \(got http:\/\/a-box:1 and http:\/\/b-box:2\)/);
  });
});
