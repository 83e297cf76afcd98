import { memo, type ReactNode } from 'react';
import Markdown, { type Components } from 'react-markdown';
import { CopyButton } from './CopyButton';

/**
 * A reply as markdown. Raw HTML in the text is never rendered (react-markdown escapes it unless
 * a raw-HTML plugin is added, and none is), links open outside the app, and unsafe URLs
 * (javascript:) are dropped by react-markdown's default URL check. Code blocks are shown plainly
 * in a styled block with their language and a Copy button: no highlighter ships with the app.
 */

interface HastNode {
  type: string;
  value?: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
}

function textOf(node: HastNode | undefined): string {
  if (!node) return '';
  if (node.type === 'text') return node.value ?? '';
  return (node.children ?? []).map(textOf).join('');
}

function languageOf(code: HastNode | undefined): string | null {
  const classes = code?.properties?.className;
  const list = Array.isArray(classes) ? classes : [];
  const language = list.find((c): c is string => typeof c === 'string' && c.startsWith('language-'));
  return language ? language.slice('language-'.length) : null;
}

function CodeBlock({ node, children }: { node?: HastNode | undefined; children?: ReactNode }) {
  const code = node?.children?.find((c) => c.type === 'element' && c.tagName === 'code');
  const text = textOf(code).replace(/\n$/, '');
  const language = languageOf(code);
  return (
    <div className="code-block" data-testid="code-block">
      <div className="code-block__bar">
        <span className="code-block__lang">{language ?? 'code'}</span>
        <CopyButton text={text} label="Copy code" />
      </div>
      <pre className="code-block__pre" data-language={language ?? undefined}>
        {children}
      </pre>
    </div>
  );
}

const components: Components = {
  pre: ({ node, children }) => <CodeBlock node={node as HastNode | undefined}>{children}</CodeBlock>,
  a: ({ href, children }) => (
    <a href={href} target="_blank" rel="noreferrer noopener">
      {children}
    </a>
  ),
  // Images would be fetched from wherever the model says: shown as links instead.
  img: ({ src, alt }) => (typeof src === 'string' ? <a href={src} target="_blank" rel="noreferrer noopener">{alt || src}</a> : <>{alt}</>),
};

export const MarkdownView = memo(function MarkdownView({ text }: { text: string }) {
  return (
    <div className="markdown">
      <Markdown components={components}>{text}</Markdown>
    </div>
  );
});
