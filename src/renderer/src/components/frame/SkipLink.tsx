/** The id of the element the skip link moves focus to (the page's main region). */
export const MAIN_CONTENT_ID = 'main-content';

/**
 * The first tab stop: keyboard and screen-reader users jump past the sidebar. A button-like link
 * that moves focus itself, because a `#main-content` address would fight the app's own routing.
 */
export function SkipLink() {
  return (
    <a
      className="skip-link"
      href={`#${MAIN_CONTENT_ID}`}
      onClick={(event) => {
        event.preventDefault();
        const target = event.currentTarget.ownerDocument.getElementById(MAIN_CONTENT_ID);
        target?.focus();
        target?.scrollIntoView({ block: 'start' });
      }}
    >
      Skip to main content
    </a>
  );
}
