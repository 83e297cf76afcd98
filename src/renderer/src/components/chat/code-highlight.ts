import bash from 'highlight.js/lib/languages/bash';
import css from 'highlight.js/lib/languages/css';
import diff from 'highlight.js/lib/languages/diff';
import go from 'highlight.js/lib/languages/go';
import javascript from 'highlight.js/lib/languages/javascript';
import json from 'highlight.js/lib/languages/json';
import python from 'highlight.js/lib/languages/python';
import rust from 'highlight.js/lib/languages/rust';
import sql from 'highlight.js/lib/languages/sql';
import typescript from 'highlight.js/lib/languages/typescript';
import xml from 'highlight.js/lib/languages/xml';
import yaml from 'highlight.js/lib/languages/yaml';
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { createLowlight } from 'lowlight';

/**
 * Syntax highlighting for fenced code in replies, with the dozen languages models write most.
 * The same engine as rehype-highlight (lowlight), called directly: rehype-highlight imports all 37
 * of lowlight's common grammars whatever it is given, and the bundle only needs these. Code with
 * no language or an unknown one stays plain; nothing is guessed. The output is hast elements with
 * `hljs-*` classes (text only, never HTML), coloured by chat.css.
 */
const lowlight = createLowlight({ bash, css, diff, go, javascript, json, python, rust, sql, typescript, xml, yaml });
lowlight.registerAlias({
  bash: ['sh', 'shell', 'zsh', 'console'],
  javascript: ['js', 'jsx', 'mjs', 'cjs'],
  typescript: ['ts', 'tsx'],
  python: ['py'],
  xml: ['html', 'svg'],
  yaml: ['yml'],
  rust: ['rs'],
  json: ['jsonc'],
});

export const HIGHLIGHTED_LANGUAGES: readonly string[] = lowlight.listLanguages();

function languageOf(code: Element): string | null {
  const classes = code.properties.className;
  const list = Array.isArray(classes) ? classes : [];
  const found = list.find((c): c is string => typeof c === 'string' && c.startsWith('language-'));
  return found ? found.slice('language-'.length).toLowerCase() : null;
}

function textOf(node: ElementContent | RootContent): string {
  if (node.type === 'text') return node.value;
  return 'children' in node ? node.children.map((child) => textOf(child as ElementContent)).join('') : '';
}

function highlightCode(code: Element): void {
  const language = languageOf(code);
  if (!language || !lowlight.registered(language)) return;
  const tree = lowlight.highlight(language, textOf(code));
  code.children = tree.children as ElementContent[];
  const classes = Array.isArray(code.properties.className) ? code.properties.className : [];
  code.properties.className = [...classes, 'hljs'];
}

function walk(node: Root | Element): void {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (child.tagName === 'pre') {
      const code = child.children.find((c): c is Element => c.type === 'element' && c.tagName === 'code');
      if (code) highlightCode(code);
    } else walk(child);
  }
}

/** A rehype plugin: highlights `pre > code.language-*` in place. */
export function rehypeCodeHighlight() {
  return (tree: Root) => walk(tree);
}
