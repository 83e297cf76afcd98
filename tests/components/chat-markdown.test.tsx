// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { MarkdownView } from '../../src/renderer/src/components/chat/MarkdownView';
import { safeLinkHref } from '../../src/renderer/src/components/chat/safe-link';

afterEach(cleanup);

function show(text: string): HTMLElement {
  const { container } = render(<MarkdownView text={text} />);
  return container;
}

describe('chat markdown: GitHub-flavoured', () => {
  it('renders a table as a table (in its own scroll box), not as pipes', () => {
    const root = show('| Rent | Due |\n| --- | --- |\n| 1200 | 1st |\n');
    const table = root.querySelector('table');
    expect(table).not.toBeNull();
    expect(within(table!).getAllByRole('columnheader').map((th) => th.textContent)).toEqual(['Rent', 'Due']);
    expect(within(table!).getByRole('cell', { name: '1200' })).toBeTruthy();
    expect(root.textContent).not.toContain('| ---');
    expect(table!.parentElement?.classList.contains('markdown__table')).toBe(true);
  });

  it('renders strikethrough and task lists', () => {
    const root = show('~~old~~ new\n\n- [x] paid\n- [ ] signed\n');
    expect(root.querySelector('del')?.textContent).toBe('old');
    const boxes = [...root.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
    expect(boxes.map((b) => b.checked)).toEqual([true, false]);
    expect(boxes.every((b) => b.disabled)).toBe(true);
  });

  it('turns a bare address into a link that opens in the browser', () => {
    show('See https://ollama.com/library for models.');
    const link = screen.getByRole('link', { name: 'https://ollama.com/library' });
    expect(link.getAttribute('href')).toBe('https://ollama.com/library');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
  });
});

describe('chat markdown: code', () => {
  it('highlights a known language with token classes, and keeps the code text exact for Copy', () => {
    const root = show('```ts\nconst answer: number = 42; // why\n```\n');
    const code = root.querySelector('pre code')!;
    expect(code.classList.contains('hljs')).toBe(true);
    expect(code.querySelector('.hljs-keyword')?.textContent).toBe('const');
    expect(code.querySelector('.hljs-number')?.textContent).toBe('42');
    expect(code.querySelector('.hljs-comment')?.textContent).toBe('// why');
    expect(code.textContent).toBe('const answer: number = 42; // why\n');
    expect(within(screen.getByTestId('code-block')).getByRole('button', { name: 'Copy code' })).toBeTruthy();
  });

  it('aliases work (py, sh) and an unknown language stays plain', () => {
    const root = show('```py\ndef f(): pass\n```\n\n```sh\necho hi\n```\n\n```klingon\nQapla\n```\n');
    const blocks = [...root.querySelectorAll('pre code')];
    expect(blocks[0]?.querySelector('.hljs-keyword')?.textContent).toBe('def');
    expect(blocks[1]?.querySelector('[class^="hljs-"]')).not.toBeNull();
    expect(blocks[2]?.querySelector('[class^="hljs-"]')).toBeNull();
    expect(blocks[2]?.textContent).toBe('Qapla\n');
  });

  it('gives every code block its own Copy button', () => {
    show('```js\na()\n```\n\ntext\n\n```\nplain\n```\n');
    expect(screen.getAllByRole('button', { name: 'Copy code' })).toHaveLength(2);
  });
});

describe('chat markdown: model output never runs script', () => {
  it('shows raw HTML as text: no script, no img with onerror, no iframe', () => {
    const root = show('<script>alert(1)</script>\n\n<img src=x onerror="alert(2)">\n\n<iframe src="https://evil.example"></iframe>\n\n<a href="javascript:alert(3)">x</a>');
    expect(root.querySelector('script, img, iframe')).toBeNull();
    expect(root.querySelector('[onerror]')).toBeNull();
    expect([...root.querySelectorAll('a')].every((a) => !/^javascript:/i.test(a.getAttribute('href') ?? ''))).toBe(true);
  });

  it.each([
    '[click](javascript:alert(1))',
    '[click](JaVaScRiPt:alert(1))',
    '[click]( javascript:alert(1))',
    '[click](data:text/html,<script>alert(1)</script>)',
    '[click](vbscript:msgbox(1))',
    '[click](file:///etc/passwd)',
    '[click](/api/rpc)',
    '![x](javascript:alert(1))',
  ])('%s is not a link', (text) => {
    const root = show(text);
    expect(root.querySelector('a')).toBeNull();
    expect(root.textContent).toContain(text.startsWith('!') ? 'x' : 'click');
  });

  it('an image is never loaded, only offered as a link', () => {
    const root = show('![chart](https://example.com/chart.png)');
    expect(root.querySelector('img')).toBeNull();
    expect(screen.getByRole('link', { name: 'chart' }).getAttribute('href')).toBe('https://example.com/chart.png');
  });

  it('safeLinkHref passes only absolute http(s) and mailto addresses', () => {
    expect(safeLinkHref('https://ollama.com')).toBe('https://ollama.com/');
    expect(safeLinkHref('mailto:a@b.c')).toBe('mailto:a@b.c');
    expect(safeLinkHref('javascript:alert(1)')).toBeNull();
    expect(safeLinkHref('//evil.example')).toBeNull();
    expect(safeLinkHref('#/models')).toBeNull();
    expect(safeLinkHref(undefined)).toBeNull();
  });
});
