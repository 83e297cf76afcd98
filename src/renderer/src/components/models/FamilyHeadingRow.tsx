import { useAppStore } from '../../store/store-context';
import { FamilyAliasChips } from '../release/AliasChips';

/** A family's heading in the grid: its name, how many versions, its released names, and Evaluate. */
export function FamilyHeadingRow({ label, count }: { label: string; count: number }) {
  const openEvals = useAppStore((s) => s.openEvals);
  return (
    <div className="family-heading-row">
      <h2 className="family-heading" data-testid="family-heading">
        <span className="family-heading__name mono" title={label}>
          {label}
        </span>
        <span className="family-heading__count">{count} versions</span>
      </h2>
      <FamilyAliasChips name={label} />
      <button type="button" className="button button--small family-heading__evaluate" aria-label={`Evaluate ${label}`} onClick={() => openEvals(label)}>
        Evaluate
      </button>
    </div>
  );
}
