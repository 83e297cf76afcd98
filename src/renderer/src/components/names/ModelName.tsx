import { splitForMiddle } from '../../models/name-split';

interface ModelNameProps {
  /** The full text: a display name, an Ollama name, or "Creating <name>". */
  text: string;
  className?: string;
  /** Ollama names are shown in the monospace face. */
  mono?: boolean;
}

/**
 * A model's name that truncates in the middle, never at the end where versions and tags differ
 * ("PeteOllama Pro…Manager v2"). It takes the width it is given; the full text stays in the DOM
 * (screen readers read all of it) and shows on hover.
 */
export function ModelName({ text, className, mono = false }: ModelNameProps) {
  const [head, rawTail] = splitForMiddle(text);
  // A space between words stays a text node, so the name reads as words (a flex row drops it
  // from view; the tail's margin stands in for it).
  const spaced = rawTail.startsWith(' ');
  const tail = spaced ? rawTail.slice(1) : rawTail;
  return (
    <span className={`model-name${mono ? ' mono' : ''}${className ? ` ${className}` : ''}`} title={text} data-model-name-text={text}>
      <span className="model-name__head">{head}</span>
      {spaced && ' '}
      {tail && (
        <span className="model-name__tail" data-spaced={spaced || undefined}>
          {tail}
        </span>
      )}
    </span>
  );
}
