/**
 * Go's strconv.ParseInt(s, 10, 64), ParseFloat(s, 32) and ParseBool, which Ollama's
 * api.FormatParams uses to type PARAMETER values (golang/go src/strconv/atoi.go, atof.go).
 */

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** Base 10 with an optional sign: no underscores, no prefixes, within int64. */
export function parseGoInt(s: string): number | undefined {
  if (!/^[+-]?[0-9]+$/.test(s)) return undefined;
  const n = BigInt(s);
  return n < INT64_MIN || n > INT64_MAX ? undefined : Number(n);
}

export function parseGoBool(s: string): boolean | undefined {
  if (['1', 't', 'T', 'true', 'TRUE', 'True'].includes(s)) return true;
  if (['0', 'f', 'F', 'false', 'FALSE', 'False'].includes(s)) return false;
  return undefined;
}

export type GoFloatResult =
  | { ok: true; value: number }
  /** `syntax` and `range` are Go's errors; `not-finite` is inf/NaN, which Go parses but cannot send as JSON. */
  | { ok: false; reason: 'syntax' | 'range' | 'not-finite' };

/**
 * A float32 the way Go reads it: decimal or hexadecimal (`0x1p-2`) literals, `_` between digits,
 * `inf`/`infinity`/`nan` in any case. The value is the float32 as Go's JSON encoder writes it
 * (shortest decimal), so `0.7` stays `0.7`.
 */
export function parseGoFloat32(s: string): GoFloatResult {
  if (/^[+-]?(inf|infinity)$/i.test(s) || /^nan$/i.test(s)) return { ok: false, reason: 'not-finite' };
  const literal = scanFloat(s);
  if (literal === undefined) return { ok: false, reason: 'syntax' };
  const f = Math.fround(literal);
  if (!Number.isFinite(f)) return { ok: false, reason: 'range' };
  return { ok: true, value: shortestFloat32(f) };
}

/** The number a Go float literal denotes, or undefined if `s` is not one (atof.go `readFloat`). */
function scanFloat(s: string): number | undefined {
  let i = 0;
  const negative = s[0] === '-';
  if (s[0] === '+' || s[0] === '-') i++;
  const hex = i + 2 < s.length && s[i] === '0' && (s[i + 1] === 'x' || s[i + 1] === 'X');
  if (hex) i += 2;
  const mantissaStart = i;
  let sawDot = false;
  let sawDigits = false;
  let underscores = false;
  for (; i < s.length; i++) {
    const c = s[i] ?? '';
    if (c === '_') underscores = true;
    else if (c === '.') {
      if (sawDot) break;
      sawDot = true;
    } else if (/[0-9]/.test(c) || (hex && /[a-fA-F]/.test(c))) sawDigits = true;
    else break;
  }
  if (!sawDigits) return undefined;
  const mantissa = s.slice(mantissaStart, i).replace(/_/g, '');
  let exponent = 0;
  const expChar = hex ? /[pP]/ : /[eE]/;
  if (i < s.length && expChar.test(s[i] ?? '')) {
    i++;
    let sign = 1;
    if (s[i] === '+' || s[i] === '-') {
      if (s[i] === '-') sign = -1;
      i++;
    }
    if (!/[0-9]/.test(s[i] ?? '')) return undefined;
    let digits = '';
    for (; i < s.length && /[0-9_]/.test(s[i] ?? ''); i++) {
      if (s[i] === '_') underscores = true;
      else digits += s[i];
    }
    exponent = sign * Math.min(Number(digits), 100_000);
  } else if (hex) {
    return undefined; // a hexadecimal float must have a p exponent
  }
  if (i !== s.length) return undefined;
  if (underscores && !underscoreOK(s)) return undefined;
  const magnitude = hex ? hexMagnitude(mantissa, exponent) : Number(`${mantissa}e${exponent}`);
  return negative ? -magnitude : magnitude;
}

function hexMagnitude(mantissa: string, exponent: number): number {
  const [whole = '', fraction = ''] = mantissa.split('.');
  const digits = `${whole}${fraction}`.replace(/^0+/, '') || '0';
  let value = Number(BigInt(`0x${digits}`));
  let power = exponent - 4 * fraction.length;
  // Scale in steps so that intermediate powers of two neither overflow nor underflow.
  while (power > 0 && value !== 0 && Number.isFinite(value)) {
    const step = Math.min(power, 1000);
    value *= 2 ** step;
    power -= step;
  }
  while (power < 0 && value !== 0) {
    const step = Math.max(power, -1000);
    value *= 2 ** step;
    power -= step;
  }
  return value;
}

/** Underscores only between digits, or after a base prefix (atoi.go `underscoreOK`). */
function underscoreOK(literal: string): boolean {
  let s = literal;
  let saw = '^';
  let i = 0;
  if (s[0] === '-' || s[0] === '+') s = s.slice(1);
  let hex = false;
  if (s.length >= 2 && s[0] === '0' && /[bBoOxX]/.test(s[1] ?? '')) {
    i = 2;
    saw = '0';
    hex = /[xX]/.test(s[1] ?? '');
  }
  for (; i < s.length; i++) {
    const c = s[i] ?? '';
    if (/[0-9]/.test(c) || (hex && /[a-fA-F]/.test(c))) {
      saw = '0';
    } else if (c === '_') {
      if (saw !== '0') return false;
      saw = '_';
    } else {
      if (saw === '_') return false;
      saw = '!';
    }
  }
  return saw !== '_';
}

/** The float64 nearest the shortest decimal that reads back as float32 `f`: what Go's JSON writes. */
function shortestFloat32(f: number): number {
  if (f === 0) return 0;
  for (let precision = 1; precision <= 9; precision++) {
    const candidate = Number(f.toPrecision(precision));
    if (Math.fround(candidate) === f) return candidate;
  }
  return f;
}
