import { selectActiveJobCount } from '../../store/job-selectors';
import { selectWorkspace } from '../../store/selectors';
import { useAppStore } from '../../store/store-context';
import type { Page } from '../../store/ui-slice';
import { NavIcon } from './NavIcon';

const NAV: { page: Page; label: string }[] = [
  { page: 'models', label: 'Models' },
  { page: 'base-models', label: 'Base models' },
  { page: 'hosts', label: 'Hosts' },
  { page: 'chat', label: 'Chat' },
  { page: 'evals', label: 'Evaluate' },
  { page: 'jobs', label: 'Jobs' },
  { page: 'settings', label: 'Settings' },
];

export function Sidebar() {
  const page = useAppStore((s) => s.page);
  const navigate = useAppStore((s) => s.navigate);
  const workspace = useAppStore(selectWorkspace);
  const modelCount = useAppStore((s) => Object.keys(s.snapshot?.registry.models ?? {}).length);
  const activeJobs = useAppStore(selectActiveJobCount);

  const workspaceLabel = workspace ? workspace.name || workspace.path : 'No workspace';

  return (
    <nav className="sidebar" aria-label="Main">
      <button
        type="button"
        className="sidebar__workspace"
        title={workspace ? `${workspace.path}\nOpen another workspace in Settings` : 'Open a workspace in Settings'}
        onClick={() => navigate('settings')}
        data-testid="workspace-name"
      >
        <span className="sidebar__workspace-caption">Workspace</span>
        <span className="sidebar__workspace-name">{workspaceLabel}</span>
      </button>
      <ul className="sidebar__nav">
        {NAV.map((item) => (
          <li key={item.page}>
            <button
              type="button"
              className="sidebar__link"
              aria-current={page === item.page ? 'page' : undefined}
              onClick={() => navigate(item.page)}
            >
              <NavIcon page={item.page} />
              {item.label}
              {item.page === 'models' && modelCount > 0 && (
                <span className="sidebar__count" aria-hidden="true">
                  {modelCount}
                </span>
              )}
              {item.page === 'jobs' && activeJobs > 0 && (
                <span className="sidebar__badge" data-testid="jobs-badge" title={`${activeJobs} running`}>
                  {activeJobs}
                  <span className="visually-hidden"> running</span>
                </span>
              )}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
