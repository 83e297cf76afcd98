import { useAppStore } from '../../store/store-context';
import { AdoptDialog } from './AdoptDialog';
import { DeleteDialog } from './DeleteDialog';
import { NewModelDialog } from './NewModelDialog';
import { NewVersionDialog } from './NewVersionDialog';
import { RenameDialog } from './RenameDialog';
import { ReleaseDialog } from '../release/ReleaseDialog';
import { ownValue } from '../../../../shared/own-key';

/** The lifecycle dialog asked for from anywhere (card menu, detail, Versions tab, discovered list). */
export function ModelOpsDialogs() {
  const dialog = useAppStore((s) => s.modelOpsDialog);
  const model = useAppStore((s) => (dialog && dialog.kind !== 'adopt' && dialog.kind !== 'new-model' ? ownValue(s.snapshot?.registry.models, dialog.kind === 'new-version' ? dialog.from : dialog.name) : undefined));
  if (!dialog) return null;
  // Keyed, so opening the same dialog for another model starts fresh.
  switch (dialog.kind) {
    case 'new-model':
      return <NewModelDialog />;
    case 'new-version':
      return <NewVersionDialog key={dialog.from} from={dialog.from} />;
    case 'rename':
      return model ? <RenameDialog key={dialog.name} model={model} /> : null;
    case 'delete':
      return model ? <DeleteDialog key={dialog.name} model={model} /> : null;
    case 'release':
      return model ? <ReleaseDialog key={dialog.name} model={model} /> : null;
    case 'adopt':
      return <AdoptDialog key={dialog.name} name={dialog.name} />;
  }
}
