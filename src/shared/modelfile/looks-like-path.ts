/**
 * Whether a FROM value is meant as a file or folder rather than a model name. Only `toCreateRequest`
 * knows for sure (it asks the file system); validation, which has no file system, guesses from the
 * form: `./x`, `../x`, `/x`, `~/x`, `C:\x`, `x\y`, or a weights-file extension.
 */
export function looksLikePath(value: string): boolean {
  return (
    /^(\.{1,2}([\\/]|$)|[\\/]|~|[A-Za-z]:[\\/])/.test(value) ||
    value.includes('\\') ||
    /\.(gguf|bin|safetensors|pth)$/i.test(value)
  );
}
