/** The Modelfile language: parse, validate, format, and turn into an `/api/create` request. */
export { COMMAND_NAMES, MESSAGE_ROLES, commandsOf, isCommandName, isMessageRole } from './ast';
export type {
  CommandName,
  CommandNode,
  CommentNode,
  MessageCommand,
  MessageRole,
  Modelfile,
  ModelfileNode,
  ParameterCommand,
  PlainCommand,
  PlainCommandName,
  ValueQuote,
} from './ast';
export type { Diagnostic, DiagnosticCode, ModelfileError, Severity } from './diagnostic';
export type { Span } from './span';
export { decodeModelfile } from './decode';
export { parse, INVALID_COMMAND_MESSAGE, INVALID_ROLE_MESSAGE, NO_FROM_MESSAGE, UNEXPECTED_EOF_MESSAGE } from './parse';
export type { ParseResult } from './parse';
export { validate } from './validate';
export type { ValidationContext } from './validate';
export { diagnose } from './diagnose';
export { format, UnwritableValueError } from './format';
export type { FormatNode } from './format';
export { writeValue } from './write-value';
export { setParameter } from './set-parameter';
export type { SetParameterResult } from './set-parameter';
export { toOllamaCommands } from './ollama-commands';
export type { OllamaCommand } from './ollama-commands';
export { parameterCatalog, parameterInfo, DEPRECATED_PARAMETERS, isDeprecatedParameter } from './parameter-catalog';
export type { ParameterInfo, ParameterType } from './parameter-catalog';
export { typeParameter } from './parameter-value';
export type { TypedParameter } from './parameter-value';
export { toCreateRequest } from './create-request';
export type { CreateRequest, CreateRequestOptions, CreateRequestResult, PathKind, Upload, UploadField } from './create-request';
export type { DirEntry, ListDir } from './weight-files';
