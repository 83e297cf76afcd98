/** Built, but from an older Modelfile or base model: a shape and a word, not colour alone. */
export function OutdatedMarker() {
  return (
    <span className="outdated-chip" data-testid="outdated-marker" title="The Modelfile or the base model changed since this model was built">
      <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true" focusable="false">
        <g fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round">
          <path d="M13 8a5 5 0 1 1-1.5-3.6" />
          <path d="M13 2.5v3h-3" />
        </g>
      </svg>
      Out of date
    </span>
  );
}
