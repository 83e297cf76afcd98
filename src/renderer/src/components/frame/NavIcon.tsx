import type { Page } from '../../store/ui-slice';

export function NavIcon({ page }: { page: Page }) {
  return (
    <svg className="nav-icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      {page === 'models' && (
        <g fill="none" stroke="currentColor" strokeWidth="1.4">
          <rect x="2" y="2" width="5" height="5" rx="1.2" />
          <rect x="9" y="2" width="5" height="5" rx="1.2" />
          <rect x="2" y="9" width="5" height="5" rx="1.2" />
          <rect x="9" y="9" width="5" height="5" rx="1.2" />
        </g>
      )}
      {page === 'base-models' && (
        <g fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinejoin="round">
          <path d="M8 2l6 3-6 3-6-3z" />
          <path d="M2 8l6 3 6-3" />
          <path d="M2 11l6 3 6-3" />
        </g>
      )}
      {page === 'hosts' && (
        <g fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round">
          <rect x="2" y="2.5" width="12" height="4.5" rx="1.2" />
          <rect x="2" y="9" width="12" height="4.5" rx="1.2" />
          <path d="M4.5 4.75h1M4.5 11.25h1" />
        </g>
      )}
      {page === 'chat' && (
        <g fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinejoin="round">
          <path d="M2.5 3.5h11v7h-6l-3 2.5v-2.5h-2z" />
        </g>
      )}
      {page === 'evals' && (
        <g fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" strokeLinejoin="round">
          <path d="M2.5 4.5l1.5 1.5 2.5-3" />
          <path d="M2.5 11l1.5 1.5 2.5-3" />
          <path d="M9 4.5h4.5M9 11h4.5" />
        </g>
      )}
      {page === 'jobs' && (
        <g fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round">
          <path d="M2.5 4h2M2.5 8h2M2.5 12h2" />
          <path d="M6.5 4h7M6.5 8h4.5M6.5 12h6" />
        </g>
      )}
      {page === 'settings' && (
        <g fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round">
          <path d="M3 4h10M3 8h10M3 12h10" />
          <circle cx="6" cy="4" r="1.4" fill="var(--sidebar-bg)" />
          <circle cx="10.5" cy="8" r="1.4" fill="var(--sidebar-bg)" />
          <circle cx="5" cy="12" r="1.4" fill="var(--sidebar-bg)" />
        </g>
      )}
    </svg>
  );
}
