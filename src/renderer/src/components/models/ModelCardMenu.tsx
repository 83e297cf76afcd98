import type { ModelEntry } from '../../../../shared/registry';
import { selectOllamaUnavailable } from '../../store/ollama-usable';
import { useAppStore } from '../../store/store-context';
import { MenuButton, type MenuItem } from '../common/MenuButton';
import { useModelOpsItems } from '../lifecycle/use-model-ops-items';
import { useLoadMenuItems } from '../running/LoadModelButton';
import { useDeployItems } from '../hosts/use-deploy-items';

interface ModelCardMenuProps {
  model: ModelEntry;
  displayName: string;
  isDefault: boolean;
  readOnly: boolean;
}

/** The registry flags a user flips often (default, shown in UI, preload), then new version, rename, delete. */
export function ModelCardMenu({ model, displayName, isDefault, readOnly }: ModelCardMenuProps) {
  const updateModel = useAppStore((s) => s.updateModel);
  const setDefault = useAppStore((s) => s.setDefault);
  const lifecycleItems = useModelOpsItems(model, readOnly);
  const ollamaUnavailable = useAppStore(selectOllamaUnavailable);
  // Load for a chosen time, or unload: only a model Ollama has can be loaded.
  const loadItems = useLoadMenuItems(model.name, model.status === 'available');
  const deployItems = useDeployItems(model.name);
  const items: MenuItem[] = [
    {
      id: 'default',
      label: isDefault ? 'Clear default' : 'Set as default',
      onSelect: () => void setDefault(isDefault ? null : model.name),
      disabled: readOnly,
    },
    {
      id: 'show',
      label: 'Show in UI',
      checked: model.show_in_ui,
      onSelect: () => void updateModel(model.name, { show_in_ui: !model.show_in_ui }),
      disabled: readOnly,
    },
    {
      id: 'preload',
      label: 'Preload when the app starts',
      checked: model.auto_preload,
      onSelect: () => void updateModel(model.name, { auto_preload: !model.auto_preload }),
      disabled: readOnly,
    },
    ...loadItems,
    ...deployItems,
    ...lifecycleItems,
  ];
  return (
    <MenuButton
      label={`Actions for ${displayName}`}
      items={items}
      note={readOnly ? 'Read-only until model_settings.json is fixed.' : (ollamaUnavailable ?? undefined)}
    />
  );
}
