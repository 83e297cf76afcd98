import { useId, useState, type KeyboardEvent } from 'react';
import { promptSetPath } from '../../../../shared/eval/prompt-set';
import type { PromptSetProblem } from '../../../../shared/eval/eval-calls';
import type { EvalSetState } from '../../store/evals-slice';
import { useAppStore } from '../../store/store-context';
import { plural } from './eval-format';
import { NewPromptSetDialog } from './NewPromptSetDialog';

/** "Line 12, column 5: …", or the message alone when the problem has no place in the text. */
export function problemText(problem: PromptSetProblem): string {
  if (problem.line === null) return problem.message;
  return `Line ${problem.line}${problem.column === null ? '' : `, column ${problem.column}`}: ${problem.message}`;
}

/** The family's prompt set: where it is, how many cases, its problems, and editing it in place. */
interface PromptSetSectionProps {
  family: string;
  state: EvalSetState | null;
  /** The text being edited, or null when not editing (kept by the page, which holds runs back while it is unsaved). */
  draft: string | null;
  onDraft(text: string | null): void;
}

export function PromptSetSection({ family, state, draft, onDraft: setDraft }: PromptSetSectionProps) {
  const titleId = useId();
  const loadEvalSet = useAppStore((s) => s.loadEvalSet);
  const readOnly = useAppStore((s) => s.snapshot?.readOnly ?? false);
  const [creating, setCreating] = useState(false);

  const file = state?.file ?? null;
  return (
    <section className="eval-section" aria-labelledby={titleId} data-testid="prompt-set">
      <div className="eval-section__head">
        <h2 id={titleId}>Prompt set</h2>
        {file && (
          <p className="eval-section__meta">
            <span className="mono">{file.path}</span>
            {file.set && <> · {plural(file.set.cases.length, 'case')}</>}
          </p>
        )}
        {file && draft === null && (
          <div className="eval-section__actions">
            <button type="button" className="button button--small" onClick={() => void loadEvalSet(family)} title="Read the file again (after editing it elsewhere)">
              Reload
            </button>
            <button type="button" className="button button--small" disabled={readOnly} onClick={() => setDraft(file.text)}>
              Edit
            </button>
          </div>
        )}
      </div>
      {state === null || (state.status === 'loading' && !file) ? (
        <p className="muted" role="status">
          Reading the prompt set…
        </p>
      ) : state.status === 'failed' ? (
        <div className="inline-alert" role="alert">
          <span>The prompt set could not be read: {state.error}</span>
          <button type="button" className="button button--small" onClick={() => void loadEvalSet(family)}>
            Try again
          </button>
        </div>
      ) : state.status === 'missing' ? (
        <div className="eval-empty" data-testid="prompt-set-missing">
          <p>
            This family has no prompt set yet. A prompt set is a list of questions, each with checks the answer must pass; it is saved as{' '}
            <span className="mono">{promptSetPath(family)}</span> next to your Modelfiles, so you can read and diff it in git.
          </p>
          <button type="button" className="button button--primary" onClick={() => setCreating(true)}>
            New prompt set…
          </button>
        </div>
      ) : file && draft !== null ? (
        <PromptSetEditor family={family} draft={draft} onDraft={setDraft} onDone={() => setDraft(null)} />
      ) : file ? (
        <ProblemList problems={file.problems} />
      ) : null}
      {creating && <NewPromptSetDialog family={family} onClose={() => setCreating(false)} />}
    </section>
  );
}

function ProblemList({ problems }: { problems: readonly PromptSetProblem[] }) {
  if (problems.length === 0) return null;
  return (
    <div className="eval-problems" role="alert" data-testid="prompt-set-problems">
      <p>
        <span aria-hidden="true">⚠ </span>
        The file has {plural(problems.length, 'problem')}; fix {problems.length === 1 ? 'it' : 'them'} to run the set:
      </p>
      <ul>
        {problems.map((problem, index) => (
          <li key={index} data-testid="prompt-set-problem">
            {problemText(problem)}
          </li>
        ))}
      </ul>
    </div>
  );
}

interface EditorProps {
  family: string;
  draft: string;
  onDraft(text: string): void;
  onDone(): void;
}

/** The YAML in a plain text box: Save writes it only if the file on disk is still the one read. */
function PromptSetEditor({ family, draft, onDraft, onDone }: EditorProps) {
  const fieldId = useId();
  const saveEvalSet = useAppStore((s) => s.saveEvalSet);
  const loadEvalSet = useAppStore((s) => s.loadEvalSet);
  const problems = useAppStore((s) => (s.evalSet?.family === family ? (s.evalSet.file?.problems ?? []) : []));
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<{ conflict: boolean; message: string } | null>(null);

  const save = async () => {
    setSaving(true);
    const result = await saveEvalSet(draft);
    setSaving(false);
    if (!result.ok) {
      setError(
        result.error.kind === 'conflict'
          ? { conflict: true, message: 'The file changed on disk since it was opened (in another editor, or by git). Your text is still here: copy what you need, then reload the file.' }
          : { conflict: false, message: result.error.message },
      );
      return;
    }
    setError(null);
    // A file saved with problems stays open, with the problems listed under it.
    if (result.value.problems.length === 0) onDone();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
      event.preventDefault();
      if (!saving) void save();
    }
  };
  return (
    <div className="eval-editor">
      <label htmlFor={fieldId} className="visually-hidden">
        Prompt set (YAML)
      </label>
      <textarea
        id={fieldId}
        className="eval-editor__text mono"
        value={draft}
        spellCheck={false}
        autoCapitalize="off"
        autoCorrect="off"
        rows={16}
        onChange={(event) => onDraft(event.target.value)}
        onKeyDown={onKeyDown}
        data-testid="prompt-set-text"
      />
      {error && (
        <div className="inline-alert" role="alert" data-testid="prompt-set-save-error">
          <span>{error.message}</span>
          {error.conflict && (
            <button
              type="button"
              className="button button--small"
              onClick={() => {
                setError(null);
                onDone();
                void loadEvalSet(family);
              }}
            >
              Reload the file
            </button>
          )}
        </div>
      )}
      <ProblemList problems={problems} />
      <div className="eval-editor__actions">
        <span className="muted">Ctrl+S saves</span>
        <button type="button" className="button" onClick={onDone}>
          Discard changes
        </button>
        <button type="button" className="button button--primary" disabled={saving} onClick={() => void save()}>
          {saving ? 'Saving…' : 'Save'}
        </button>
      </div>
    </div>
  );
}
