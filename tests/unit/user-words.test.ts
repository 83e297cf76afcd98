import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { connectionLostError } from '../../src/main/ollama/ndjson';
import { toOllamaError } from '../../src/main/ollama/errors';
import { fileErrorReason } from '../../src/shared/file-error-reason';

/**
 * Users never see the app's internal words or a system's error codes. The UI's strings and the
 * messages the main side sends are read from the source (string literals, template text, JSX text)
 * and checked; the error mappers are fed the codes undici and Node really throw.
 */

const ROOT = resolve(import.meta.dirname, '../..');

const FORBIDDEN: { pattern: RegExp; why: string }[] = [
  { pattern: /\bseed(?:'s|’s)?\b/i, why: 'the design’s name for the original sketch' },
  { pattern: /\bUND_ERR\w*/, why: 'an undici error code' },
  { pattern: /\bE(?:CONN\w+|NOENT|ACCES|PERM|ISDIR|NOTDIR|NOTFOUND|AI_AGAIN|HOSTUNREACH|NETUNREACH|TIMEDOUT|PIPE|NOSPC|ROFS|BUSY)\b/, why: 'a Node error code' },
  { pattern: /\bOllama said\b/i, why: 'a heading that claims the app’s own messages are Ollama’s' },
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

interface Found {
  file: string;
  line: number;
  text: string;
}

function lineOf(source: ts.SourceFile, node: ts.Node): number {
  return source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
}

function isModuleName(node: ts.Node): boolean {
  const parent = node.parent;
  return !!parent && (ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent) || ts.isExternalModuleReference(parent) || ts.isLiteralTypeNode(parent));
}

/** Every piece of text a file can show: string literals, template text and JSX text. */
function textsOf(file: string): Found[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: Found[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && !isModuleName(node)) {
      found.push({ file, line: lineOf(source, node), text: node.text });
    } else if (ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) {
      found.push({ file, line: lineOf(source, node), text: node.text });
    } else if (ts.isJsxText(node) && node.text.trim() !== '') {
      found.push({ file, line: lineOf(source, node), text: node.text });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** The message arguments of `new AppError(kind, message)` and the `message:`/`reason:` fields main sends. */
function messagesOf(file: string): { texts: Found[]; codeExpressions: Found[] } {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const texts: Found[] = [];
  const codeExpressions: Found[] = [];
  const collect = (node: ts.Node): void => {
    // `code === 'ENOENT' ? … : …` tests a code; only what the message says counts.
    const compared = ts.isBinaryExpression(node.parent) && /^(===|!==|==|!=)$/.test(node.parent.operatorToken.getText(source));
    if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && !compared) texts.push({ file, line: lineOf(source, node), text: node.text });
    else if (ts.isTemplateExpression(node)) {
      texts.push({ file, line: lineOf(source, node), text: [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' … ') });
      for (const span of node.templateSpans) {
        // `${code}` or `${error.code ?? …}` puts a system's code in front of a user.
        const expression = span.expression.getText(source);
        if (/(^|\W)code(\W|$)/.test(expression)) codeExpressions.push({ file, line: lineOf(source, span), text: expression });
      }
    }
    ts.forEachChild(node, collect);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isNewExpression(node) && node.expression.getText(source) === 'AppError' && node.arguments?.[1]) collect(node.arguments[1]);
    if (ts.isPropertyAssignment(node) && /^(message|reason|hint)$/.test(node.name.getText(source))) collect(node.initializer);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { texts, codeExpressions };
}

function violations(found: Found[]): string[] {
  return found.flatMap(({ file, line, text }) =>
    FORBIDDEN.filter(({ pattern }) => pattern.test(text)).map(({ why }) => `${relative(ROOT, file)}:${line} "${text.trim().slice(0, 80)}" (${why})`),
  );
}

describe('words for users', () => {
  it('the UI shows no internal words, no error codes and no "Ollama said" over the app’s own messages', () => {
    const files = sourceFiles(join(ROOT, 'src/renderer/src'));
    expect(files.length).toBeGreaterThan(100);
    expect(violations(files.flatMap(textsOf))).toEqual([]);
  });

  it('no backtick reaches the screen from JSX text or a JSX attribute', () => {
    const bad: string[] = [];
    for (const file of sourceFiles(join(ROOT, 'src/renderer/src')).filter((f) => f.endsWith('.tsx'))) {
      const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
      const visit = (node: ts.Node): void => {
        const shown = ts.isJsxText(node) || (ts.isStringLiteral(node) && node.parent && ts.isJsxAttribute(node.parent));
        if (shown && node.getText(source).includes('`')) bad.push(`${relative(ROOT, file)}:${lineOf(source, node)}`);
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
    expect(bad).toEqual([]);
  });

  it('messages main sends name no internal words and never interpolate an error code', () => {
    const files = [...sourceFiles(join(ROOT, 'src/main')), ...sourceFiles(join(ROOT, 'src/shared'))];
    const all = files.map(messagesOf);
    const texts = all.flatMap((m) => m.texts);
    // The scan really reads messages: the chat's and the files' are among them.
    expect(texts.some((t) => t.text.includes('is not built yet'))).toBe(true);
    expect(texts.some((t) => t.text.startsWith('Cannot read'))).toBe(true);
    expect(violations(texts)).toEqual([]);
    expect(all.flatMap((m) => m.codeExpressions).map((f) => `${relative(ROOT, f.file)}:${f.line} \${${f.text}}`)).toEqual([]);
  });
});

describe('error codes become words', () => {
  const ctx = { host: 'http://127.0.0.1:11434', endpoint: '/api/chat' };
  const CODES = ['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ETIMEDOUT', 'EPIPE', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED'];
  const codeLike = /\b(?:UND_ERR\w*|E[A-Z_]{4,})\b/;

  it.each(CODES)('a fetch that failed with %s says so in words', (code) => {
    const error = new TypeError('fetch failed', { cause: Object.assign(new Error(`boom ${code}`), { code }) });
    const message = toOllamaError(error, ctx).message;
    expect(message).not.toMatch(codeLike);
    expect(message).toContain('Ollama');
  });

  it.each(CODES)('a stream cut off with %s says the connection was lost, in words', (code) => {
    const error = Object.assign(new TypeError('terminated'), { cause: Object.assign(new Error('other side closed'), { code }) });
    const message = connectionLostError(ctx, error).message;
    expect(message).toMatch(/connection .* was lost/);
    expect(message).not.toMatch(codeLike);
  });

  it.each(['ENOENT', 'EACCES', 'EPERM', 'EISDIR', 'ENOSPC', 'EROFS', 'EBUSY', 'EWHATEVER'])('a file error %s is told without its code', (code) => {
    const reason = fileErrorReason(Object.assign(new Error(`${code}: open '/x'`), { code }));
    expect(reason).not.toMatch(codeLike);
    expect(reason.length).toBeGreaterThan(5);
  });
});
