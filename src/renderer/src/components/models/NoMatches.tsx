import { useAppStore } from '../../store/store-context';

export function NoMatches({ total }: { total: number }) {
  const clearFilters = useAppStore((s) => s.clearFilters);
  return (
    <section className="empty-state" aria-labelledby="no-matches-title">
      <h2 id="no-matches-title">No models match</h2>
      <p>
        None of the {total} {total === 1 ? 'model' : 'models'} in the registry match the search and filters.
      </p>
      <button type="button" className="button" onClick={clearFilters}>
        Clear filters
      </button>
    </section>
  );
}
