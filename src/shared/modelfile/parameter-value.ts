import { parseGoBool, parseGoFloat32, parseGoInt } from './go-number';
import { isDeprecatedParameter, parameterInfo } from './parameter-catalog';
import type { ParameterInfo } from './parameter-catalog';

/** What Ollama's CLI makes of one `PARAMETER name value` before sending it (parser.go + api.FormatParams). */
export type TypedParameter =
  | { kind: 'value'; info: ParameterInfo; value: number | boolean | string; hint?: string }
  | { kind: 'deprecated'; message: string }
  | { kind: 'unknown-name'; message: string }
  | { kind: 'invalid-value'; message: string; hint: string };

export function typeParameter(name: string, raw: string): TypedParameter {
  // parser.go checks the deprecated list before FormatParams, so these are never "unknown".
  if (isDeprecatedParameter(name)) return { kind: 'deprecated', message: `parameter ${name} is deprecated` };
  const info = parameterInfo(name);
  // Ollama says "unknown parameter ''" for two spaces after PARAMETER; that says nothing useful.
  if (!info && name === '') return { kind: 'unknown-name', message: 'PARAMETER is followed by more than one space, so Ollama reads no parameter name' };
  if (!info) return { kind: 'unknown-name', message: `unknown parameter '${name}'` };
  // FormatParams formats the value list with %s: `[value]`.
  const shown = `[${raw}]`;
  switch (info.type) {
    case 'int': {
      const value = parseGoInt(raw);
      if (value === undefined) return { kind: 'invalid-value', message: `invalid int value ${shown}`, hint: `${name} takes a whole number` };
      return Number.isSafeInteger(value)
        ? { kind: 'value', info, value }
        : { kind: 'value', info, value, hint: `${raw} is too large to be sent exactly; it becomes ${value}` };
    }
    case 'float': {
      const result = parseGoFloat32(raw);
      if (result.ok) return { kind: 'value', info, value: result.value };
      const hint =
        result.reason === 'not-finite'
          ? `${name} must be a finite number: Ollama cannot send ${raw}`
          : result.reason === 'range'
            ? `${raw} is too large for ${name}`
            : `${name} takes a number such as 0.7`;
      return { kind: 'invalid-value', message: `invalid float value ${shown}`, hint };
    }
    case 'bool': {
      const value = parseGoBool(raw);
      if (value === undefined) return { kind: 'invalid-value', message: `invalid bool value ${shown}`, hint: `${name} takes true or false` };
      return { kind: 'value', info, value };
    }
    case 'string-list':
      return { kind: 'value', info, value: raw };
  }
}
