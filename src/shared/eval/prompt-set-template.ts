import { Document, isMap, isSeq, type YAMLMap } from 'yaml';
import type { Conversation } from '../chat';
import type { PromptCase, Turn } from './prompt-set';

/**
 * The first text of a family's prompt set: a template with one example per check kind, or cases
 * drawn from chat conversations. Built with yaml's Document API, so any text (newlines, quotes,
 * colons) is quoted correctly and the result parses as written. `family` is a trimmed, non-empty
 * name of at most 200 characters (the contract's family input).
 */

const HEADER = [
  ' A prompt set: each case sends its prompt (after an optional system and history) to every model of a run and checks the answer.',
  ' Checks: contains, not_contains, matches, valid_json, json_schema, max_tokens, max_seconds; a rubric asks a judge model. Runs use temperature 0, seed 42 and think: false unless options say otherwise.',
].join('\n');

const TEMPLATE_CASES: PromptCase[] = [
  { id: 'greets', prompt: 'Say hello to a new customer called Ada.', checks: [{ contains: 'hello', ignore_case: true }] },
  { id: 'no-apology', prompt: 'The customer says their parcel arrived. Reply in one sentence.', checks: [{ not_contains: 'sorry', ignore_case: true }] },
  { id: 'starts-with-greeting', prompt: 'Greet the customer.', checks: [{ matches: '^(hi|hello)\\b', flags: 'i' }] },
  { id: 'json-answer', prompt: 'Reply with JSON only: {"status": "ok"}', checks: [{ valid_json: true }] },
  {
    id: 'json-shape',
    prompt: 'Reply with JSON only: a made-up customer with a "name" (text) and an "age" (whole number).',
    checks: [{ json_schema: { type: 'object', required: ['name', 'age'], properties: { name: { type: 'string' }, age: { type: 'integer' } } } }],
  },
  { id: 'short', prompt: 'In one sentence: what are your opening hours?', checks: [{ max_tokens: 60 }] },
  { id: 'quick', prompt: 'Say OK.', checks: [{ max_seconds: 10 }] },
  {
    id: 'calm-under-pressure',
    prompt: 'A customer writes: "This is the third time my order is late!"',
    checks: [],
    rubric: 'Apologises once, offers a concrete next step, stays calm and does not blame the customer.',
  },
  {
    id: 'follow-up',
    system: 'You are a support agent for a bike shop. Answer briefly.',
    history: [
      { role: 'user', content: 'Do you repair e-bikes?' },
      { role: 'assistant', content: 'Yes, we repair most e-bikes in our workshop.' },
    ],
    prompt: 'How long does it take?',
    options: { temperature: 0.7, num_ctx: 4096 },
    checks: [{ max_tokens: 120 }],
  },
];

const TEMPLATE_NOTES: Record<string, string> = {
  'calm-under-pressure': 'graded by a judge model when a run asks for one, apart from the checks',
  'follow-up': 'system replaces the model\'s SYSTEM; history is sent before the prompt; options override the run\'s (think: true only for models that think)',
};

/** Cases share history turns in memory; written out, each case must hold its own text, not `*alias` references. */
const DOCUMENT_OPTIONS = { aliasDuplicateObjects: false } as const;

export function templatePromptSet(family: string): string {
  const doc = new Document({ family, description: `Test prompts for ${family}`, cases: TEMPLATE_CASES.map(ordered) }, DOCUMENT_OPTIONS);
  doc.commentBefore = HEADER;
  const notes = new Map(Object.entries(TEMPLATE_NOTES));
  eachCase(doc, (node, id) => {
    const note = notes.get(id);
    if (note) node.commentBefore = comment(note);
  });
  return text(doc);
}

/** Most replies fit in this many tokens when Ollama did not say how many the reply took. */
const DEFAULT_MAX_TOKENS = 512;
const MAX_HISTORY = 200;
const MAX_TURN_CHARS = 200_000;
const MAX_CASES = 10_000;
/**
 * Each case repeats the turns before it, so a long conversation grows the file quadratically:
 * a case keeps only its latest turns up to this many characters, and cases stop once the file
 * would near its 8 MiB limit (in characters, at up to 3 bytes each).
 */
const MAX_HISTORY_CHARS = 16_000;
const MAX_TOTAL_CHARS = 2_500_000;
const REPLY_NOTE_CHARS = 300;
const REPLY_NOTE_LINES = 6;

/** A case per user turn: earlier turns as history, the reply given then as a comment, a starter check. */
export function promptSetFromConversations(family: string, conversations: readonly Conversation[]): string {
  const cases: PromptCase[] = [];
  const replies = new Map<string, string>();
  const ids = new Set<string>();
  let total = 0;
  let leftOut = 0;
  for (const conversation of conversations) {
    const base = slug(conversation.title);
    const history: Turn[] = [];
    let turn = 0;
    conversation.messages.forEach((message, index) => {
      if (message.role === 'assistant') {
        // Lane a is the conversation's own thread; lane b only compared against it.
        if (message.lane !== 'b' && message.state !== 'failed' && message.content.trim() !== '') history.push({ role: 'assistant', content: message.content.slice(0, MAX_TURN_CHARS) });
        return;
      }
      if (message.content.trim() === '') return;
      const window = recent(history);
      const size = message.content.length + window.reduce((sum, t) => sum + t.content.length, 0) + (conversation.settings.systemPrompt?.length ?? 0);
      if (cases.length >= MAX_CASES || total + size > MAX_TOTAL_CHARS) {
        leftOut++;
        history.push({ role: 'user', content: message.content.slice(0, MAX_TURN_CHARS) });
        return;
      }
      total += size;
      turn++;
      const id = unique(`${base}-${turn}`, ids);
      const reply = replyTo(conversation, index);
      cases.push({
        id,
        title: `${(conversation.title.trim() || 'Conversation').slice(0, 180)} (turn ${turn})`,
        ...(conversation.settings.systemPrompt !== null ? { system: conversation.settings.systemPrompt.slice(0, MAX_TURN_CHARS) } : {}),
        ...(window.length > 0 ? { history: window } : {}),
        prompt: message.content.slice(0, MAX_TURN_CHARS),
        ...(conversation.settings.numCtx !== null ? { options: { num_ctx: conversation.settings.numCtx } } : {}),
        checks: [{ max_tokens: reply?.timings?.evalCount ? Math.max(16, Math.ceil(reply.timings.evalCount * 1.5)) : DEFAULT_MAX_TOKENS }],
      });
      if (reply && reply.content.trim() !== '') replies.set(id, reply.content);
      history.push({ role: 'user', content: message.content.slice(0, MAX_TURN_CHARS) });
    });
  }
  if (cases.length === 0) return templatePromptSet(family);
  const doc = new Document({ family, description: `Cases from ${conversations.length === 1 ? 'a chat conversation' : `${conversations.length} chat conversations`}`, cases: cases.map(ordered) }, DOCUMENT_OPTIONS);
  doc.commentBefore = [
    ' Drawn from chat: each case is a user turn, with the turns before it as history and the reply given then above it.',
    ' The max_tokens checks are starters: add checks that say what a good answer must do (see the template for every kind).',
    ...(leftOut > 0 ? [` ${leftOut} more user ${leftOut === 1 ? 'turn was' : 'turns were'} left out to keep the file under 8 MiB.`] : []),
  ].join('\n');
  eachCase(doc, (node, id) => {
    const reply = replies.get(id);
    if (reply !== undefined) node.commentBefore = comment(`reply then: ${excerpt(reply)}`);
  });
  return text(doc);
}

/** The latest turns up to MAX_HISTORY_CHARS (the last one whatever its size) and MAX_HISTORY turns. */
function recent(history: readonly Turn[]): Turn[] {
  let chars = 0;
  let start = history.length;
  while (start > 0 && history.length - start < MAX_HISTORY) {
    const next = history[start - 1]?.content.length ?? 0;
    if (start < history.length && chars + next > MAX_HISTORY_CHARS) break;
    chars += next;
    start--;
  }
  return history.slice(start);
}

/** The first reply after the user's message at `index`, lane a first. */
function replyTo(conversation: Conversation, index: number) {
  const after = conversation.messages.slice(index + 1);
  const end = after.findIndex((m) => m.role === 'user');
  const replies = (end < 0 ? after : after.slice(0, end)).filter((m) => m.role === 'assistant' && m.state !== 'failed');
  return replies.find((m) => m.lane !== 'b') ?? replies[0];
}

/** Keys in reading order: id and title, the messages, options, then what judges the answer. */
function ordered(c: PromptCase): Record<string, unknown> {
  const { id, title, system, history, prompt, options, checks, rubric } = c;
  return Object.fromEntries(Object.entries({ id, title, system, history, prompt, options, checks: checks.length > 0 ? checks : undefined, rubric }).filter(([, v]) => v !== undefined));
}

function eachCase(doc: Document, visit: (node: YAMLMap, id: string) => void): void {
  const cases = doc.get('cases', true);
  if (!isSeq(cases)) return;
  for (const node of cases.items) {
    if (!isMap(node)) continue;
    const checks = node.get('checks', true);
    // Schemas read best on one line.
    if (isSeq(checks)) {
      for (const check of checks.items) {
        const schema: unknown = isMap(check) ? check.get('json_schema', true) : undefined;
        if (isMap(schema)) schema.flow = true;
      }
    }
    visit(node, String(node.get('id')));
  }
}

function text(doc: Document): string {
  // lineWidth 0: no folding, so a prompt stays on its line (or a literal block when it has newlines).
  return doc.toString({ lineWidth: 0 });
}

/** A comment's lines, each prefixed with a space so it reads `# text`. */
function comment(note: string): string {
  return note
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => ` ${line}`)
    .join('\n');
}

/** The reply trimmed to a few short lines, with nothing that could end the comment early. */
function excerpt(reply: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what this removes
  const clean = reply.replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, ' ').trim();
  const lines = clean.split('\n').filter((line) => line.trim() !== '');
  let shown = lines.slice(0, REPLY_NOTE_LINES).join('\n');
  if (shown.length > REPLY_NOTE_CHARS) shown = shown.slice(0, REPLY_NOTE_CHARS).trimEnd();
  return shown.length < clean.length || lines.length > REPLY_NOTE_LINES ? `${shown} …` : shown;
}

/** A case id from a title: lower-case letters, digits and dashes, at most 40 characters. */
function slug(title: string): string {
  const base = title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 40)
    .replace(/^-+|-+$/g, '');
  return base || 'case';
}

function unique(id: string, taken: Set<string>): string {
  let candidate = id;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${id}-${n}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}
