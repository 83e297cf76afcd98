import { describe, expect, it } from 'vitest';
import { externalLinkOpener, externalUrl, type ExternalLinkDeps } from '../../src/main/desktop/external-links';
import { isSameDocument } from '../../src/main/desktop/navigation-guards';

describe('which addresses may leave the app', () => {
  it.each([
    ['https://example.com/a?b=1#c', 'https://example.com/a?b=1#c'],
    ['HTTP://Example.COM', 'http://example.com/'],
    ['mailto:someone@example.com', 'mailto:someone@example.com'],
  ])('allows %s', (url, normalized) => {
    expect(externalUrl(url)).toBe(normalized);
  });

  it.each(['file:///etc/passwd', 'javascript:alert(1)', 'data:text/html,<script>1</script>', 'app://modelwright/', 'vscode://x', 'ms-settings:', 'https://user:pw@example.com/', 'https://bank.example@evil.example/', 'not a url', ''])(
    'refuses %s',
    (url) => {
      expect(externalUrl(url)).toBeNull();
    },
  );
});

describe('the link gate', () => {
  function deps(response: number) {
    const asked: string[] = [];
    const opened: string[] = [];
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const d: ExternalLinkDeps = {
      showMessageBox: async (options) => {
        asked.push(options.detail);
        await gate;
        return { response };
      },
      openExternal: async (url) => {
        opened.push(url);
      },
    };
    return { d, asked, opened, release };
  }

  it('asks once at a time: a second link while the question is open is dropped', async () => {
    const { d, asked, opened, release } = deps(0);
    const open = externalLinkOpener(d);
    const first = open('https://example.com/1');
    expect(await open('https://example.com/2')).toBe('busy');
    release();
    expect(await first).toBe('opened');
    expect(asked).toEqual(['https://example.com/1']);
    expect(opened).toEqual(['https://example.com/1']);
  });

  it('opens nothing when the user cancels, and never asks about a refused address', async () => {
    const { d, asked, opened, release } = deps(1);
    release();
    const open = externalLinkOpener(d);
    expect(await open('https://example.com/')).toBe('cancelled');
    expect(await open('file:///etc/passwd')).toBe('refused');
    expect(asked).toEqual(['https://example.com/']);
    expect(opened).toEqual([]);
  });
});

describe('same document (hash routes stay in the window)', () => {
  it('is the page with another hash, not another page or scheme', () => {
    expect(isSameDocument('app://modelwright/#/models/x', 'app://modelwright/')).toBe(true);
    expect(isSameDocument('app://modelwright/other.html', 'app://modelwright/')).toBe(false);
    expect(isSameDocument('evil://modelwright/', 'app://modelwright/')).toBe(false);
    expect(isSameDocument('app://modelwright/?x=1', 'app://modelwright/')).toBe(false);
  });
});
