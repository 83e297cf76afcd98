// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Dialog } from '../../src/renderer/src/components/common/Dialog';

afterEach(cleanup);

/** A page with a checkbox behind the dialog, as on the Delete dialog's page. */
function Page({ onCancel = () => {} }: { onCancel?: () => void }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <input type="checkbox" aria-label="Behind" />
      <button type="button" onClick={() => setOpen(true)}>
        Open
      </button>
      {open && (
        <Dialog
          title="Delete m?"
          testId="the-dialog"
          onCancel={() => {
            onCancel();
            setOpen(false);
          }}
          actions={
            <>
              <button type="button" onClick={() => setOpen(false)}>
                Cancel
              </button>
              <button type="button" data-autofocus>
                Delete
              </button>
            </>
          }
        >
          {/* As in Delete: a radio group with nothing chosen yet comes first. */}
          <fieldset>
            <legend>What should be deleted?</legend>
            <label>
              <input type="radio" name="scope" /> Registry only
            </label>
            <label>
              <input type="radio" name="scope" /> Registry and Ollama
            </label>
          </fieldset>
          <label>
            <input type="checkbox" /> Also delete the Modelfile
          </label>
        </Dialog>
      )}
    </>
  );
}

describe('Dialog', () => {
  it('is a native modal <dialog>, named by its title, opened on top of the page', async () => {
    const user = userEvent.setup();
    render(<Page />);
    await user.click(screen.getByRole('button', { name: 'Open' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete m?' });
    expect(dialog.tagName).toBe('DIALOG');
    expect((dialog as HTMLDialogElement).open).toBe(true);
    expect(dialog.dataset.testid).toBe('the-dialog');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Delete' }));
  });

  it('keeps Tab and Shift+Tab inside: they cycle and never reach the page behind', async () => {
    const user = userEvent.setup();
    render(<Page />);
    await user.click(screen.getByRole('button', { name: 'Open' }));
    const dialog = screen.getByRole('dialog');
    const seen: Element[] = [];
    for (let i = 0; i < 6; i++) {
      await user.keyboard('{Shift>}{Tab}{/Shift}');
      seen.push(document.activeElement!);
    }
    for (let i = 0; i < 6; i++) {
      await user.keyboard('{Tab}');
      seen.push(document.activeElement!);
    }
    expect(seen.every((el) => dialog.contains(el))).toBe(true);
    // The checkbox and both buttons were reached.
    expect(seen).toContain(screen.getByRole('checkbox', { name: /Also delete/ }));
    expect(seen).toContain(screen.getByRole('button', { name: 'Cancel' }));
    expect((screen.getByRole('checkbox', { name: 'Behind' }) as HTMLInputElement).checked).toBe(false);
  });

  it('Shift+Tab from any radio of the first group (none chosen yet) wraps to the last control', async () => {
    const user = userEvent.setup();
    render(<Page />);
    await user.click(screen.getByRole('button', { name: 'Open' }));
    screen.getByRole('radio', { name: 'Registry and Ollama' }).focus();
    await user.keyboard('{Shift>}{Tab}{/Shift}');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Delete' }));
  });

  it('brings focus back when it lands behind the dialog (Shift+Tab out of an unchosen radio group)', async () => {
    const user = userEvent.setup();
    render(<Page />);
    await user.click(screen.getByRole('button', { name: 'Open' }));
    screen.getByRole('radio', { name: 'Registry and Ollama' }).focus();
    screen.getByRole('checkbox', { name: 'Behind' }).focus();
    expect(screen.getByRole('dialog').contains(document.activeElement)).toBe(true);
    await user.keyboard(' ');
    expect((screen.getByRole('checkbox', { name: 'Behind' }) as HTMLInputElement).checked).toBe(false);
  });

  it('closes on Escape even after Shift+Tab went round, and gives focus back to the opener', async () => {
    const user = userEvent.setup();
    const onCancel = vi.fn();
    render(<Page onCancel={onCancel} />);
    await user.click(screen.getByRole('button', { name: 'Open' }));
    await user.keyboard('{Shift>}{Tab}{Tab}{Tab}{Tab}{/Shift}');
    await user.keyboard('{Escape}');
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Open' }));
  });

  it('does not let its Escape reach listeners of the page (a model page under it stays open)', async () => {
    const user = userEvent.setup();
    const pageEscape = vi.fn();
    render(<Page />);
    await user.click(screen.getByRole('button', { name: 'Open' }));
    document.addEventListener('keydown', pageEscape);
    await user.keyboard('{Escape}');
    document.removeEventListener('keydown', pageEscape);
    expect(pageEscape).not.toHaveBeenCalled();
  });

  it('cancels on a press on the backdrop, not on one inside the box', async () => {
    const onCancel = vi.fn();
    const user = userEvent.setup();
    render(<Page onCancel={onCancel} />);
    await user.click(screen.getByRole('button', { name: 'Open' }));
    fireEvent.mouseDown(screen.getByText('Also delete the Modelfile'));
    expect(onCancel).not.toHaveBeenCalled();
    fireEvent.mouseDown(screen.getByRole('dialog'));
    expect(onCancel).toHaveBeenCalledTimes(1);
  });

  it('tells its owner when the browser closes it on its own (a repeated Esc)', async () => {
    const onCancel = vi.fn();
    const user = userEvent.setup();
    render(<Page onCancel={onCancel} />);
    await user.click(screen.getByRole('button', { name: 'Open' }));
    (screen.getByRole('dialog') as HTMLDialogElement).close();
    await vi.waitFor(() => expect(onCancel).toHaveBeenCalledTimes(1));
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
