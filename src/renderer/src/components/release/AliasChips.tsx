import { useMemo } from 'react';
import { sameModel } from '../../../../shared/model-name';
import { ownValue } from '../../../../shared/own-key';
import { displayNameOf, versionLabel } from '../../models/model-labels';
import { useAppStore } from '../../store/store-context';
import { familyAliases, type FamilyAlias } from './family-aliases';

/** The names a version is released under (file order); the aliases object is a stable reference between registry changes. */
export function useAliasesOf(name: string): string[] {
  const aliases = useAppStore((s) => s.snapshot?.registry.aliases);
  return useMemo(
    () =>
      Object.entries(aliases ?? {})
        .filter(([, record]) => sameModel(record.model, name))
        .map(([alias]) => alias),
    [aliases, name],
  );
}

/** A version's released names, as chips ("released as"). */
export function AliasChips({ aliases, className }: { aliases: readonly string[]; className?: string }) {
  if (aliases.length === 0) return null;
  return (
    <>
      {aliases.map((alias) => (
        <span key={alias} className={`alias-chip${className ? ` ${className}` : ''}`} data-testid="alias-chip" data-alias={alias} title={`Released as ${alias}`}>
          <span aria-hidden="true">⇢</span>
          <span className="visually-hidden">Released as </span>
          <span className="mono alias-chip__name">{alias}</span>
        </span>
      ))}
    </>
  );
}

/** A family's released names and the version each points at ("family:latest → v2"), for the family views. */
export function FamilyAliasChips({ name, removable = false }: { name: string; removable?: boolean }) {
  const aliases = useAppStore((s) => s.snapshot?.registry.aliases);
  const unrelease = useAppStore((s) => s.unreleaseAlias);
  const readOnly = useAppStore((s) => s.snapshot?.readOnly ?? false);
  const models = useAppStore((s) => s.snapshot?.registry.models);
  const items: FamilyAlias[] = useMemo(() => familyAliases({ aliases, models: models ?? {} }, name), [aliases, models, name]);
  if (items.length === 0) return null;
  return (
    <span className="alias-chips" data-testid="family-aliases">
      {items.map(({ alias, model }) => {
        const entry = ownValue(models, model);
        const target = entry ? (versionLabel(entry) ?? displayNameOf(entry)) : `${model} (missing)`;
        return (
          <span key={alias} className="alias-chip" data-testid="family-alias" data-alias={alias} data-model-name={model} title={`${alias} points at ${model}`}>
            <span className="mono alias-chip__name">{alias}</span>
            <span aria-hidden="true">→</span>
            <span className="visually-hidden"> points at </span>
            <span className="alias-chip__target">{target}</span>
            {removable && (
              <button
                type="button"
                className="alias-chip__remove"
                aria-label={`Remove the released name ${alias}`}
                title={`Remove the released name ${alias} (its version stays)`}
                disabled={readOnly}
                data-testid="alias-remove"
                onClick={() => void unrelease(alias)}
              >
                ×
              </button>
            )}
          </span>
        );
      })}
    </span>
  );
}
