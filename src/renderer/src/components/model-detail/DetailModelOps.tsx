import type { ModelEntry } from '../../../../shared/registry';
import { displayNameOf } from '../../models/model-labels';
import { useAppStore } from '../../store/store-context';
import { MenuButton } from '../common/MenuButton';
import { useModelOpsItems } from '../lifecycle/use-model-ops-items';
import { useDeployItems } from '../hosts/use-deploy-items';

/** The detail header's lifecycle actions: "New version" as a button, rename and delete in a menu. */
export function DetailModelOps({ model, readOnly }: { model: ModelEntry; readOnly: boolean }) {
  const open = useAppStore((s) => s.openModelOpsDialog);
  const deployItems = useDeployItems(model.name);
  const items = [...deployItems, ...useModelOpsItems(model, readOnly).filter((item) => item.id !== 'new-version')];
  return (
    <>
      <button
        type="button"
        className="button"
        disabled={readOnly}
        title={readOnly ? 'Read-only until model_settings.json is fixed' : 'Copy this model’s Modelfile as the next version'}
        data-testid="detail-new-version"
        onClick={() => open({ kind: 'new-version', from: model.name })}
      >
        New version
      </button>
      <MenuButton label={`More actions for ${displayNameOf(model)}`} items={items} note={readOnly ? 'Read-only until model_settings.json is fixed.' : undefined} />
    </>
  );
}
