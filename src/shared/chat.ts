import { z } from 'zod';
import { ERROR_KINDS } from './errors';
import { thinkValueSchema } from './think';

/**
 * Chat: conversations kept in the app's data folder, replies streamed from Ollama, and the
 * local OpenAI-compatible API. The contract's chat calls and events are built from these shapes.
 */

/** A conversation has one model, or two when comparing: each answers in its own lane. */
export const CHAT_LANES = ['a', 'b'] as const;
export const chatLaneSchema = z.enum(CHAT_LANES);
export type ChatLane = z.infer<typeof chatLaneSchema>;

/** Conversation ids name files on disk, so they are restricted to a safe alphabet. */
export const conversationIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'is not a conversation id');
export const messageIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'is not a message id');

export const chatSettingsSchema = z.object({
  /** null: the model's own SYSTEM applies. A string, even empty, replaces it for this conversation. */
  systemPrompt: z.string().max(100_000).nullable(),
  /** null: the model's own value. */
  temperature: z.number().min(0).max(2).nullable(),
  /** Context length (Ollama's `num_ctx`); null: the model's own value. */
  numCtx: z.number().int().min(256).max(1_048_576).nullable(),
  /**
   * Ollama's `think` for this conversation: off when absent or false. Sent only to a model with
   * the thinking capability (see shared/think); other models are sent `think: false`.
   */
  think: thinkValueSchema.optional(),
});
export type ChatSettings = z.infer<typeof chatSettingsSchema>;

export const DEFAULT_CHAT_SETTINGS: ChatSettings = { systemPrompt: null, temperature: null, numCtx: null };

export const chatTimingsSchema = z.object({
  /** eval_count / eval_duration of Ollama's final chunk. */
  tokensPerSecond: z.number().nullable(),
  /** Load plus prompt evaluation from the final chunk; measured here when the reply was stopped. */
  timeToFirstTokenMs: z.number().nullable(),
  totalMs: z.number().nullable(),
  evalCount: z.number().nullable(),
  promptEvalCount: z.number().nullable(),
  /** `measured`: Ollama never sent its final chunk (stopped, failed), so the app timed it itself. */
  source: z.enum(['ollama', 'measured']),
});
export type ChatTimings = z.infer<typeof chatTimingsSchema>;

/** What fixes a failed reply: build the registry model, pull the Ollama model, or start Ollama. */
export const CHAT_FIXES = ['create', 'pull', 'start-ollama'] as const;
export const chatFixSchema = z.enum(CHAT_FIXES);
export type ChatFix = z.infer<typeof chatFixSchema>;

export const chatErrorSchema = z.object({
  kind: z.enum(ERROR_KINDS),
  /** One sentence a user can act on; never a stack trace. */
  message: z.string(),
  fix: chatFixSchema.nullable(),
  /** The model the fix applies to. */
  model: z.string().nullable(),
});
export type ChatError = z.infer<typeof chatErrorSchema>;

export const CHAT_MESSAGE_STATES = ['complete', 'stopped', 'failed'] as const;

export const chatMessageSchema = z.object({
  id: messageIdSchema,
  role: z.enum(['user', 'assistant']),
  content: z.string(),
  createdAt: z.string(),
  /** Replies: the model that wrote it and its lane. Null on the user's messages. */
  model: z.string().nullable(),
  lane: chatLaneSchema.nullable(),
  state: z.enum(CHAT_MESSAGE_STATES),
  error: chatErrorSchema.nullable(),
  timings: chatTimingsSchema.nullable(),
  /** Replies: the Ollama host that answered (absent in replies saved before there were several hosts). */
  host: z.string().optional(),
  /** Replies: what the model thought before answering (`message.thinking`), when it did. */
  thinking: z.string().optional(),
  /** From its first thought to its last, in ms: the "Thought for N s" above the answer. */
  thinkingMs: z.number().nonnegative().optional(),
});
export type ChatMessage = z.infer<typeof chatMessageSchema>;

export const conversationSchema = z.object({
  id: conversationIdSchema,
  title: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Lane a. */
  model: z.string().min(1),
  /** Lane b; null when not comparing. */
  compareModel: z.string().min(1).nullable(),
  settings: chatSettingsSchema,
  messages: z.array(chatMessageSchema),
});
export type Conversation = z.infer<typeof conversationSchema>;

export const conversationSummarySchema = z.object({
  id: conversationIdSchema,
  title: z.string(),
  model: z.string(),
  compareModel: z.string().nullable(),
  updatedAt: z.string(),
  messageCount: z.number().int(),
  /** Text around the first match in the messages, when a search matched their content. */
  snippet: z.string().nullable(),
});
export type ConversationSummary = z.infer<typeof conversationSummarySchema>;

/** A reply that started streaming: its message id is the stream id carried by the events. */
export const chatStreamSchema = z.object({
  conversationId: conversationIdSchema,
  messageId: messageIdSchema,
  lane: chatLaneSchema,
  model: z.string(),
  startedAt: z.string(),
});
export type ChatStream = z.infer<typeof chatStreamSchema>;

/** What send, regenerate and resend answer at once: the saved conversation and the replies now streaming. */
export const chatTurnSchema = z.object({
  conversation: conversationSchema,
  streams: z.array(chatStreamSchema),
});
export type ChatTurn = z.infer<typeof chatTurnSchema>;

/** `chat.delta`: text of one reply since the last event, at most one event per frame per reply. */
export const chatDeltaEventSchema = chatStreamSchema.omit({ startedAt: true }).extend({
  text: z.string(),
  /** Thinking text since the last event, streamed before the answer's text. */
  thinking: z.string().optional(),
  /**
   * Seconds Ollama has sent nothing for this reply ("no answer from Ollama for N s"), sent once a
   * second after a few; null when text flows again. Such a delta carries no text.
   */
  waitingSeconds: z.number().nullable().optional(),
});
export type ChatDeltaEvent = z.infer<typeof chatDeltaEventSchema>;

/** `chat.end`: the reply as saved (complete, stopped or failed); it supersedes the deltas. */
export const chatEndEventSchema = z.object({
  conversationId: conversationIdSchema,
  message: chatMessageSchema,
});
export type ChatEndEvent = z.infer<typeof chatEndEventSchema>;

const content = z
  .string()
  .max(200_000)
  .refine((text) => text.trim() !== '', 'cannot be empty');

export const chatSendInputSchema = z.strictObject({
  /** null starts a new conversation. */
  conversationId: conversationIdSchema.nullable(),
  content,
  model: z.string().trim().min(1),
  compareModel: z.string().trim().min(1).nullable().default(null),
  /** Used when a new conversation is started. */
  settings: chatSettingsSchema.optional(),
});

export const chatResendInputSchema = z.strictObject({
  conversationId: conversationIdSchema,
  /** A message of the user: it is replaced by `content`, and everything after it is dropped. */
  messageId: messageIdSchema,
  content,
});

export const chatUpdateInputSchema = z.strictObject({
  id: conversationIdSchema,
  patch: z.strictObject({
    title: z.string().trim().min(1).max(200).optional(),
    model: z.string().trim().min(1).optional(),
    compareModel: z.string().trim().min(1).nullable().optional(),
    settings: chatSettingsSchema.optional(),
  }),
});

// ---------- the local OpenAI-compatible API ----------

export const localApiStateSchema = z.object({
  /** False in the headless server, which always serves the API with its own token. */
  configurable: z.boolean(),
  enabled: z.boolean(),
  port: z.number().int(),
  /** Programs send it as `Authorization: Bearer <token>`; null until first enabled. */
  token: z.string().nullable(),
  running: z.boolean(),
  /** The OpenAI base URL while running, e.g. `http://127.0.0.1:11480/v1`. */
  baseUrl: z.string().nullable(),
  /** Why it is not running although enabled (the port is taken…). */
  error: z.string().nullable(),
});
export type LocalApiState = z.infer<typeof localApiStateSchema>;

export const localApiUpdateInputSchema = z.strictObject({
  enabled: z.boolean().optional(),
  port: z.number().int().min(1024).max(65535).optional(),
  /** A new token; programs using the old one must be given the new one. */
  newToken: z.boolean().optional(),
});
