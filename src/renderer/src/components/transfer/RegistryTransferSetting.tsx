import { useRef } from 'react';
import { useAppStore } from '../../store/store-context';
import { ImportPlanDialog } from './ImportPlanDialog';

/** Export the registry (alone, or zipped with its Modelfiles) as a download; import a registry file after a preview. */
export function RegistryTransferSetting() {
  const exporting = useAppStore((s) => s.exporting);
  const exportRegistry = useAppStore((s) => s.exportRegistry);
  const previewImport = useAppStore((s) => s.previewImport);
  const readOnly = useAppStore((s) => s.snapshot?.readOnly ?? false);
  const fileRef = useRef<HTMLInputElement>(null);

  return (
    <div className="form-row" data-testid="registry-transfer">
      <span className="form-row__label">Export</span>
      <div className="form-row__control">
        <button type="button" className="button" data-testid="export-json" disabled={exporting !== null} aria-busy={exporting === 'json'} onClick={() => void exportRegistry('json')}>
          {exporting === 'json' ? 'Exporting…' : 'Export registry (JSON)'}
        </button>
        <button type="button" className="button" data-testid="export-zip" disabled={exporting !== null} aria-busy={exporting === 'zip'} onClick={() => void exportRegistry('zip')}>
          {exporting === 'zip' ? 'Exporting…' : 'Export with Modelfiles (zip)'}
        </button>
      </div>
      <p className="field-hint">The JSON is model_settings.json as it is; the zip adds the Modelfiles at their paths, ready to open as a workspace.</p>
      <span className="form-row__label">Import</span>
      <div className="form-row__control">
        <button type="button" className="button" data-testid="import-button" disabled={readOnly} onClick={() => fileRef.current?.click()}>
          Import a registry file…
        </button>
        <input
          ref={fileRef}
          type="file"
          accept=".json,application/json"
          hidden
          data-testid="import-file"
          aria-label="Registry file to import"
          onChange={(event) => {
            const file = event.target.files?.[0];
            // Cleared so that picking the same file again is a change too.
            event.target.value = '';
            if (file) void previewImport(file);
          }}
        />
      </div>
      <p className="field-hint">A model_settings.json, from this app or another copy of the registry. You see what it would add or change, and tick what to take; nothing is overwritten unasked.</p>
      <ImportPlanDialog />
    </div>
  );
}
