import { Suspense, useEffect } from 'react';
import { BaseModelsPage } from './components/base-models/BaseModelsPage';
import { CreateDialogs } from './components/create/CreateDialogs';
import { ConnectionStrip } from './components/frame/ConnectionStrip';
import { CrashDialog } from './components/frame/CrashDialog';
import { Notifications } from './components/frame/Notifications';
import { RegistryProblemPanel } from './components/frame/RegistryProblemPanel';
import { Sidebar } from './components/frame/Sidebar';
import { MAIN_CONTENT_ID, SkipLink } from './components/frame/SkipLink';
import { StartupScreen } from './components/frame/StartupScreen';
import { StatusBar } from './components/frame/StatusBar';
import { JobsPage } from './components/jobs/JobsPage';
import { ModelOpsDialogs } from './components/lifecycle/ModelOpsDialogs';
import { DeployDialog } from './components/hosts/DeployDialog';
import { MemoryConfirmDialog } from './components/facts/MemoryConfirmDialog';
import { ModelsPage } from './components/models/ModelsPage';
import { SettingsPage } from './components/settings/SettingsPage';
import { useThemeAttribute } from './hooks/use-theme-attribute';
import { ChatPage, EvaluatePage, HostsPage } from './lazy-parts';
import { useAppStore } from './store/store-context';

/** Shown for the moment a page's code chunk takes to load (the chat, the first time). */
function PageLoading({ label }: { label: string }) {
  return (
    <p className="page page--loading" role="status">
      <span className="spinner" aria-hidden="true" /> {label}
    </p>
  );
}

function CurrentPage() {
  const page = useAppStore((s) => s.page);
  switch (page) {
    case 'models':
      return <ModelsPage />;
    case 'base-models':
      return <BaseModelsPage />;
    case 'hosts':
      return (
        <Suspense fallback={<PageLoading label="Opening Hosts…" />}>
          <HostsPage />
        </Suspense>
      );
    case 'chat':
      return (
        <Suspense fallback={<PageLoading label="Opening the chat…" />}>
          <ChatPage />
        </Suspense>
      );
    case 'evals':
      return (
        <Suspense fallback={<PageLoading label="Opening Evaluate…" />}>
          <EvaluatePage />
        </Suspense>
      );
    case 'jobs':
      return <JobsPage />;
    case 'settings':
      return <SettingsPage />;
  }
}

export function App() {
  const startup = useAppStore((s) => s.startup);
  const init = useAppStore((s) => s.init);
  const theme = useAppStore((s) => s.theme);
  useThemeAttribute(theme);
  useEffect(() => init(), [init]);

  return (
    <>
      {startup.status === 'ready' ? (
        <div className="app-frame">
          <SkipLink />
          <Sidebar />
          {/* Focusable from script only, as the skip link's target. */}
          <main className="content" id={MAIN_CONTENT_ID} tabIndex={-1}>
            <ConnectionStrip />
            <RegistryProblemPanel />
            <CurrentPage />
            <Notifications />
          </main>
          <StatusBar />
        </div>
      ) : (
        <>
          <StartupScreen startup={startup} />
          <Notifications />
        </>
      )}
      <CreateDialogs />
      <ModelOpsDialogs />
      <DeployDialog />
      <MemoryConfirmDialog />
      <CrashDialog />
    </>
  );
}
