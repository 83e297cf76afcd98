import { useEffect, useMemo } from 'react';
import { familyOf } from '../../../../shared/versions';
import { groupByFamily } from '../../models/family-groups';
import { selectModels } from '../../store/selectors';
import { useAppStore } from '../../store/store-context';
import { ModelName } from '../names/ModelName';
import { plural } from './eval-format';

/** Every family of the registry with its prompt set (or none yet), each a step from its Evaluate page. */
export function EvalFamilies() {
  const models = useAppStore(selectModels);
  const sets = useAppStore((s) => s.evalSets);
  const loadEvalSets = useAppStore((s) => s.loadEvalSets);
  const openEvals = useAppStore((s) => s.openEvals);
  const groups = useMemo(() => groupByFamily(Object.values(models), 'name'), [models]);
  const setFor = useMemo(() => new Map(sets.list.map((set) => [familyOf(set.family), set])), [sets.list]);

  useEffect(() => {
    void loadEvalSets();
  }, [loadEvalSets]);

  return (
    <section className="page" aria-labelledby="evals-title">
      <header className="page__header">
        <h1 id="evals-title">Evaluate</h1>
        <p className="page__summary">Run the same questions against versions of a model and see, case by case, what changed.</p>
      </header>
      <div className="page__scroll page__scroll--padded">
        {sets.status === 'failed' && (
          <div className="inline-alert" role="alert">
            <span>The prompt sets could not be listed: {sets.error}</span>
            <button type="button" className="button button--small" onClick={() => void loadEvalSets()}>
              Try again
            </button>
          </div>
        )}
        {groups.length === 0 ? (
          <div className="empty-state">
            <h2>No models to evaluate yet</h2>
            <p>Create a model on the Models page; its versions can then be compared here.</p>
          </div>
        ) : (
          <ul className="eval-families" aria-label="Model families">
            {groups.map((group) => {
              const set = setFor.get(group.key);
              return (
                <li key={group.key} className="eval-family" data-testid="eval-family" data-family={group.label}>
                  <div className="eval-family__names">
                    <ModelName text={group.label} mono className="eval-family__name" />
                    <span className="muted">{plural(group.models.length, 'version')}</span>
                  </div>
                  <span className="eval-family__set">
                    {!set ? (
                      <span className="muted">No prompt set yet</span>
                    ) : set.caseCount === null ? (
                      <span className="eval-problem-text">
                        <span aria-hidden="true">⚠ </span>
                        {plural(set.problemCount, 'problem')} in <span className="mono">{set.path}</span>
                      </span>
                    ) : (
                      <>
                        {plural(set.caseCount, 'case')} in <span className="mono">{set.path}</span>
                      </>
                    )}
                  </span>
                  <button type="button" className="button button--small" aria-label={`Evaluate ${group.label}`} onClick={() => openEvals(group.label)}>
                    Evaluate
                  </button>
                </li>
              );
            })}
          </ul>
        )}
      </div>
    </section>
  );
}
