import { memo, type ReactNode } from 'react';
import Markdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { rehypeCodeHighlight } from './code-highlight';
import { CopyButton } from './CopyButton';
import { safeLinkHref } from './safe-link';

/**
 * A reply as GitHub-flavoured markdown (tables, strikethrough, task lists, bare addresses as
 * links). Model output can never run script: raw HTML is shown as text (no raw-HTML plugin), and
 * only http(s) and mailto addresses become links, which open in the user's browser (a new
 * window, which the desktop app hands to the system browser). Code blocks are highlighted for
 * common languages and have a Copy button.
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

function ExternalLink({ href, children }: { href: string | undefined; children: ReactNode }) {
  const safe = safeLinkHref(href);
  // Anything else (javascript:, data:, a path into the app) is shown, not followed.
  if (!safe) return <span className="markdown__unlinked">{children}</span>;
  return (
    <a href={safe} target="_blank" rel="noopener noreferrer" title={safe}>
      {children}
    </a>
  );
}

const components: Components = {
  pre: ({ node, children }) => <CodeBlock node={node as HastNode | undefined}>{children}</CodeBlock>,
  a: ({ href, children }) => <ExternalLink href={href}>{children}</ExternalLink>,
  // Images would be fetched from wherever the model says: shown as links instead.
  img: ({ src, alt }) => (typeof src === 'string' ? <ExternalLink href={src}>{alt || src}</ExternalLink> : <>{alt}</>),
  // A wide table scrolls inside its own box, never the page.
  table: ({ children }) => (
    <div className="markdown__table" data-scroll-x="allowed" tabIndex={0} role="group" aria-label="Table">
      <table>{children}</table>
    </div>
  ),
};

const remarkPlugins = [remarkGfm];
const rehypePlugins = [rehypeCodeHighlight];

export const MarkdownView = memo(function MarkdownView({ text }: { text: string }) {
  return (
    <div className="markdown">
      <Markdown components={components} remarkPlugins={remarkPlugins} rehypePlugins={rehypePlugins}>
        {text}
      </Markdown>
    </div>
  );
});
