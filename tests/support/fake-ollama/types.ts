/** Shapes shared by the fake Ollama's modules and its users. */

/** A model the fake has (or can pull). Everything but the name has a realistic default. */
export interface FakeModelSeed {
  name: string;
  /** Total size in bytes as /api/tags reports it. */
  size?: number;
  format?: string;
  family?: string;
  families?: string[];
  parameterSize?: string;
  quantizationLevel?: string;
  parentModel?: string;
  template?: string;
  system?: string;
  license?: string | string[];
  parameters?: Record<string, unknown>;
  messages?: Array<{ role: string; content: string }>;
  capabilities?: string[];
  contextLength?: number;
  /** /api/show `model_info` as a real model's GGUF gives it; absent: a minimal one from the fields above. */
  modelInfo?: Record<string, unknown>;
  /** A cloud model (`:cloud`): /api/show and /api/tags carry these, `model_info` is empty. */
  remoteHost?: string;
  remoteModel?: string;
  modifiedAt?: string;
}

export interface RecordedRequest {
  id: number;
  at: string;
  method: string;
  path: string;
  /** Parsed JSON when the body was JSON, the raw text when it was not, null when empty or binary. */
  body: unknown;
  /** The body's text exactly as received (not for blob uploads, which are streamed). */
  raw?: string;
  /** Bytes received (blob uploads are recorded by size only). */
  bytes: number;
  host: string | null;
  /** The Authorization header as received (what a reverse proxy would check), null when absent. */
  authorization: string | null;
  /** HTTP status sent, once the headers went out. */
  status: number | null;
  /** NDJSON lines written. */
  lines: number;
  /** The client went away before the answer was complete. */
  cancelled: boolean;
}

/** Which request a fault applies to: the next one (to `path`, if given; a path ending in `/` is a prefix). */
export interface FaultTarget {
  path?: string;
  /** Only requests with this method (e.g. POST, to pass over a blob's HEAD). */
  method?: string;
}

export interface FailNextFault extends FaultTarget {
  status: number;
  error: string;
  /** How many matching requests fail; default 1. */
  times?: number;
}

export interface FailMidStreamFault extends FaultTarget {
  afterLines: number;
  error: string;
}

export interface HangFault extends FaultTarget {
  /** Stop after this many NDJSON lines and keep the connection open; absent: never answer. */
  afterLines?: number;
  /** Read the whole request body first (a blob upload Ollama takes in full, then never answers). */
  drainBody?: boolean;
}

/** A 200 answer that is one line of `bytes` bytes and no newline, sent as fast as the client reads. */
export interface HugeLineFault extends FaultTarget {
  bytes: number;
}

/** After N good lines, a line that is not JSON, then the end of the answer. */
export interface GarbageFault extends FaultTarget {
  afterLines: number;
  text: string;
}

/** The next request gets exactly this body (a malformed reply such as `{"models": null}`). */
export interface ReplyFault extends FaultTarget {
  status?: number;
  body: string;
  contentType?: string;
}

export interface DropFault extends FaultTarget {
  /** Destroy the socket after this many NDJSON lines; absent: as soon as the request arrives. */
  afterLines?: number;
}

export type Fault =
  | ({ kind: 'fail' } & FailNextFault)
  | ({ kind: 'fail-mid-stream' } & FailMidStreamFault)
  | ({ kind: 'hang' } & HangFault)
  | ({ kind: 'drop' } & DropFault)
  | ({ kind: 'huge-line' } & HugeLineFault)
  | ({ kind: 'garbage' } & GarbageFault)
  | ({ kind: 'reply' } & ReplyFault);

export interface ChatSettings {
  /** Tokens in a reply when no text is given. */
  tokens: number;
  /** 0 means as fast as possible. */
  tokensPerSecond: number;
  /** The reply text; split into word tokens. */
  text?: string;
}

export interface PullSettings {
  /** Progress lines per large layer. */
  steps: number;
  /** Delay between progress lines. */
  stepMs: number;
}

export interface CancelledRequest {
  path: string;
  model: string;
  /** Lines written before the client went away. */
  lines: number;
  at: string;
}
