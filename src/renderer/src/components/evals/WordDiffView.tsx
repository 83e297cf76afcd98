import { useMemo } from 'react';
import { wordDiff } from '../../../../shared/eval/word-diff';

interface WordDiffViewProps {
  before: string;
  after: string;
  /** Which side to show: the left shows what was removed, the right what was added. */
  side: 'before' | 'after';
  labelledBy: string;
}

/**
 * One output with the words that differ from the other marked: removed words struck through on the
 * left, added words underlined on the right, each also announced in words to screen readers.
 */
export function WordDiffView({ before, after, side, labelledBy }: WordDiffViewProps) {
  const parts = useMemo(() => wordDiff(before, after), [before, after]);
  return (
    <div className="word-diff" aria-labelledby={labelledBy} role="region" data-testid={`diff-${side}`}>
      {parts.map((part, index) => {
        if (part.kind === 'same') return <span key={index}>{part.text}</span>;
        if (part.kind === 'removed') {
          return side === 'before' ? (
            <del key={index} className="word-diff__removed">
              <span className="visually-hidden">[removed: </span>
              {part.text}
              <span className="visually-hidden">]</span>
            </del>
          ) : null;
        }
        return side === 'after' ? (
          <ins key={index} className="word-diff__added">
            <span className="visually-hidden">[added: </span>
            {part.text}
            <span className="visually-hidden">]</span>
          </ins>
        ) : null;
      })}
    </div>
  );
}
