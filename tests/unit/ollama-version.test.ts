import { describe, expect, it } from 'vitest';
import { compareOllamaVersions, parseOllamaVersion, versionAdvice } from '../../src/shared/ollama-version';

describe('parseOllamaVersion', () => {
  it.each([
    ['0.6.4', { major: 0, minor: 6, patch: 4, prerelease: null, commitsAfter: 0 }],
    ['v0.17.1', { major: 0, minor: 17, patch: 1, prerelease: null, commitsAfter: 0 }],
    ['0.6.4-rc1', { major: 0, minor: 6, patch: 4, prerelease: 'rc1', commitsAfter: 0 }],
    ['0.6.4-12-gabc1234', { major: 0, minor: 6, patch: 4, prerelease: null, commitsAfter: 12 }],
    ['0.6.4-rc1-3-gabc1234-dirty', { major: 0, minor: 6, patch: 4, prerelease: 'rc1', commitsAfter: 3 }],
    ['0.6', { major: 0, minor: 6, patch: 0, prerelease: null, commitsAfter: 0 }],
    ['1.2.3+build.5', { major: 1, minor: 2, patch: 3, prerelease: null, commitsAfter: 0 }],
  ])('reads %s', (text, expected) => {
    expect(parseOllamaVersion(text)).toEqual(expected);
  });

  it.each(['', 'latest', '1', 'x.y.z', '0.6.4 beta'])('returns null for %j', (text) => {
    expect(parseOllamaVersion(text)).toBeNull();
  });
});

describe('compareOllamaVersions', () => {
  it.each([
    ['0.5.4', '0.5.5', -1],
    ['0.10.0', '0.9.9', 1],
    ['0.6.4', '0.6.4', 0],
    ['0.6.4-rc1', '0.6.4', -1],
    ['0.6.4-rc2', '0.6.4-rc10', -1],
    ['0.6.4-rc1', '0.6.3', 1],
    ['0.6.4-3-gabc1234', '0.6.4', 1],
    ['0.6.4-0-gabc1234', '0.6.4', 0],
    ['0.6.4-rc1-3-gabc1234', '0.6.4', -1],
    ['garbage', '0.0.1', -1],
    ['0.0.1', 'garbage', 1],
  ])('%s vs %s → %i', (a, b, expected) => {
    expect(compareOllamaVersions(a, b)).toBe(expected);
  });
});

describe('versionAdvice', () => {
  it('has nothing to say about a current release', () => {
    expect(versionAdvice('0.18.0')).toEqual({ canCreate: true, warnings: [] });
    expect(versionAdvice('0.17.1')).toEqual({ canCreate: true, warnings: [] });
  });

  it('warns below 0.17.1, naming the CVE and the fix, but still allows creating', () => {
    const advice = versionAdvice('0.17.0');
    expect(advice.canCreate).toBe(true);
    expect(advice.warnings).toHaveLength(1);
    expect(advice.warnings[0]).toMatch(/CVE-2026-7482/);
    expect(advice.warnings[0]).toMatch(/GGUF/);
    expect(advice.warnings[0]).toMatch(/0\.17\.1/);
    expect(advice.warnings[0]).toMatch(/Update Ollama/);
  });

  it('warns for a release candidate of the fixed release', () => {
    expect(versionAdvice('0.17.1-rc0').warnings.join(' ')).toMatch(/CVE-2026-7482/);
  });

  it('refuses creating below 0.5.5 and says to update', () => {
    const advice = versionAdvice('0.5.4');
    expect(advice.canCreate).toBe(false);
    expect(advice.warnings[0]).toMatch(/too old to create models/);
    expect(advice.warnings[0]).toMatch(/0\.5\.5/);
    expect(advice.warnings[0]).toMatch(/Update Ollama/);
    // Old enough to miss the security fix as well.
    expect(advice.warnings[1]).toMatch(/CVE-2026-7482/);
  });

  it('allows creating on a release candidate of 0.5.5, whose create API is the new one', () => {
    expect(versionAdvice('0.5.5-rc1').canCreate).toBe(true);
    expect(versionAdvice('0.5.5').canCreate).toBe(true);
  });

  it('treats 0.6.4-rc1 as an old, create-capable version', () => {
    const advice = versionAdvice('0.6.4-rc1');
    expect(advice.canCreate).toBe(true);
    expect(advice.warnings).toHaveLength(1);
    expect(advice.warnings[0]).toMatch(/CVE-2026-7482/);
  });

  it('treats 0.0.0 as a build from source: create allowed, one warning about checking it', () => {
    const advice = versionAdvice('0.0.0');
    expect(advice.canCreate).toBe(true);
    expect(advice.warnings).toHaveLength(1);
    expect(advice.warnings[0]).toMatch(/build from source/);
  });

  it('counts commits after a tag from git describe as newer than the tag', () => {
    expect(versionAdvice('0.17.1-4-gdeadbee').warnings).toEqual([]);
    expect(versionAdvice('0.17.0-4-gdeadbee').warnings).toHaveLength(1);
  });

  it('does not block on an unreadable version, but says it cannot check it', () => {
    for (const odd of ['weird', '', null, undefined]) {
      const advice = versionAdvice(odd);
      expect(advice.canCreate).toBe(true);
      expect(advice.warnings[0]).toMatch(/cannot read/);
    }
  });
});
