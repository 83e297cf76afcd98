import { useId } from 'react';
import { MODEL_STATUSES } from '../../../../shared/registry';
import { SORT_KEYS, SORT_LABELS, type ModelFilters, type SortKey } from '../../models/model-query';
import { selectBaseModelOptions } from '../../store/selectors';
import { useAppStore } from '../../store/store-context';
import { STATUS_LABELS } from '../common/StatusChip';

function isStatusFilter(value: string): value is ModelFilters['status'] {
  return value === 'all' || (MODEL_STATUSES as readonly string[]).includes(value);
}
function isSortKey(value: string): value is SortKey {
  return (SORT_KEYS as readonly string[]).includes(value);
}

export function ModelsToolbar() {
  const filters = useAppStore((s) => s.filters);
  const setFilters = useAppStore((s) => s.setFilters);
  const baseOptions = useAppStore(selectBaseModelOptions);
  const id = useId();

  return (
    <div className="toolbar">
      <form role="search" className="toolbar__search" onSubmit={(event) => event.preventDefault()}>
        <label htmlFor={`${id}-search`} className="visually-hidden">
          Search models
        </label>
        <input
          id={`${id}-search`}
          type="search"
          placeholder="Search models"
          autoComplete="off"
          spellCheck={false}
          value={filters.text}
          onChange={(event) => setFilters({ text: event.target.value })}
        />
      </form>
      <label className="toolbar__field">
        <span>Status</span>
        <select
          value={filters.status}
          onChange={(event) => {
            if (isStatusFilter(event.target.value)) setFilters({ status: event.target.value });
          }}
        >
          <option value="all">All statuses</option>
          {MODEL_STATUSES.map((status) => (
            <option key={status} value={status}>
              {STATUS_LABELS[status]}
            </option>
          ))}
        </select>
      </label>
      <label className="toolbar__field">
        <span>Base model</span>
        <select value={filters.baseModel ?? ''} onChange={(event) => setFilters({ baseModel: event.target.value || null })}>
          <option value="">All base models</option>
          {baseOptions.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </label>
      <label className="toolbar__check">
        <input type="checkbox" checked={filters.shownInUiOnly} onChange={(event) => setFilters({ shownInUiOnly: event.target.checked })} />
        Shown in UI only
      </label>
      <label className="toolbar__field">
        <span>Sort</span>
        <select
          value={filters.sort}
          onChange={(event) => {
            if (isSortKey(event.target.value)) setFilters({ sort: event.target.value });
          }}
        >
          {SORT_KEYS.map((key) => (
            <option key={key} value={key}>
              {SORT_LABELS[key]}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
