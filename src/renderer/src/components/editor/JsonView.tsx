import { useMemo } from 'react';
import { jsonTokens } from '../../models/json-tokens';

/** Read-only JSON with keys, strings and numbers told apart. */
export function JsonView({ value, testId }: { value: unknown; testId?: string }) {
  const tokens = useMemo(() => jsonTokens(JSON.stringify(value, null, 2)), [value]);
  return (
    <pre className="json-view" data-testid={testId}>
      {tokens.map((token, i) => (token.kind === 'space' || token.kind === 'punct' ? token.text : <span key={i} className={`json-${token.kind}`}>{token.text}</span>))}
    </pre>
  );
}
