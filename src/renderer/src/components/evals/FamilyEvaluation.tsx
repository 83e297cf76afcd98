import { useCallback, useEffect, useRef, useState } from 'react';
import { selectFamily } from '../../store/model-ops-selectors';
import { useAppStore } from '../../store/store-context';
import { ModelName } from '../names/ModelName';
import { CaseView } from './CaseView';
import { plural } from './eval-format';
import { PromptSetSection } from './PromptSetSection';
import { ResultsSection } from './ResultsSection';
import { RunPanel } from './RunPanel';
import { RunsSection } from './RunsSection';

/** One family's evaluation: its prompt set, a run of chosen versions, the results and the saved runs. */
export function FamilyEvaluation({ family }: { family: string }) {
  const members = useAppStore(selectFamily(family));
  const setState = useAppStore((s) => (s.evalSet?.family === family ? s.evalSet : null));
  const runs = useAppStore((s) => (s.evalRuns?.family === family ? s.evalRuns : null));
  const viewRunId = useAppStore((s) => s.evalView.runId);
  const run = useAppStore((s) => s.evalRun);
  const loadEvalSet = useAppStore((s) => s.loadEvalSet);
  const loadEvalRuns = useAppStore((s) => s.loadEvalRuns);
  const loadEvalRun = useAppStore((s) => s.loadEvalRun);
  const navigate = useAppStore((s) => s.navigate);
  // The run shown: the one the address names, else the newest saved.
  const runId = viewRunId ?? runs?.list[0]?.id ?? null;
  // The case open over the results, for the run it was opened in (another run shows its results).
  const [opened, setOpened] = useState<{ runId: string; caseId: string } | null>(null);
  const openCase = opened && opened.runId === runId ? opened.caseId : null;
  const onOpenCase = useCallback(
    (caseId: string) => {
      if (runId !== null) setOpened({ runId, caseId });
    },
    [runId],
  );
  const returnFocus = useRef<string | null>(null);
  const [draft, setDraft] = useState<string | null>(null);

  useEffect(() => {
    void loadEvalSet(family);
    void loadEvalRuns(family);
  }, [family, loadEvalSet, loadEvalRuns]);

  useEffect(() => {
    if (runId !== null) void loadEvalRun(family, runId);
  }, [family, runId, loadEvalRun]);

  const record = run && run.family === family && run.runId === runId ? run.record : null;
  const closeCase = () => {
    returnFocus.current = openCase;
    setOpened(null);
  };
  useEffect(() => {
    // Back from a case: focus returns to that case's row, so the keyboard user keeps their place.
    if (openCase !== null || returnFocus.current === null) return;
    const id = returnFocus.current;
    returnFocus.current = null;
    // Case ids are letters, digits, `.`, `-` and `_` (caseIdSchema): safe inside the quotes.
    window.setTimeout(() => document.querySelector<HTMLElement>(`[data-case-open="${id}"]`)?.focus(), 0);
  }, [openCase]);

  return (
    <section className="page" aria-labelledby="eval-title" data-testid="evaluate-page">
      <header className="page__header eval-header">
        <button type="button" className="button button--small" onClick={() => navigate('evals')} title="All families">
          <span aria-hidden="true">←</span> Families
        </button>
        <h1 id="eval-title" className="eval-header__title">
          <span className="eval-header__verb">Evaluate</span> <ModelName text={family} mono />
        </h1>
        <p className="page__summary">{members.length === 0 ? 'No registered version' : plural(members.length, 'version')}</p>
      </header>
      <div className="page__scroll page__scroll--padded eval-scroll">
        {openCase !== null && record ? (
          <CaseView run={record} caseId={openCase} onClose={closeCase} />
        ) : (
          <>
            <PromptSetSection family={family} state={setState} draft={draft} onDraft={setDraft} />
            {setState?.file?.set && (
              <RunPanel family={family} set={setState.file.set} members={members} unsavedEdits={draft !== null && draft !== setState.file.text} />
            )}
            {runId !== null && <ResultsSection family={family} runId={runId} state={run && run.runId === runId ? run : null} onOpenCase={onOpenCase} />}
            <RunsSection family={family} runs={runs} shownRunId={runId} />
          </>
        )}
      </div>
    </section>
  );
}
