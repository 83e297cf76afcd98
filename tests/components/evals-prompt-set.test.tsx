// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/shared/errors';
import type { ConversationSummary } from '../../src/shared/chat';
import { FAMILY, renderEvaluate, setFile, SET_TEXT } from './support/eval-fixtures';
import { useFakeLayout } from './support/layout';

useFakeLayout({ width: 1280, height: 700 });

const missing = () => {
  throw new AppError('not_found', 'No prompt set for bot.');
};

function conversation(id: string, model: string, fields: Partial<ConversationSummary> = {}): ConversationSummary {
  return { id, title: `Chat ${id}`, model, compareModel: null, updatedAt: '2026-12-01T10:00:00.000Z', messageCount: 4, snippet: null, ...fields };
}

describe('Evaluate: the prompt set', () => {
  it('shows the file, its case count, and each problem positioned as "Line 12, column 5: …"', async () => {
    renderEvaluate({
      'evals.readSet': () =>
        setFile({
          set: null,
          problems: [
            { message: 'matches: is not a valid regular expression', path: 'cases[2].checks[0].matches', line: 12, column: 5 },
            { message: 'needs at least one case', path: '', line: null, column: null },
          ],
        }),
    });
    const section = await screen.findByTestId('prompt-set');
    await waitFor(() => expect(within(section).getAllByTestId('prompt-set-problem')).toHaveLength(2));
    const [first, second] = within(section).getAllByTestId('prompt-set-problem') as [HTMLElement, HTMLElement];
    expect(first.textContent).toBe('Line 12, column 5: matches: is not a valid regular expression');
    expect(second.textContent).toBe('needs at least one case');
    expect(section.textContent).toContain('evals/bot.yaml');
    // A set with problems cannot run.
    expect(screen.queryByTestId('run-panel')).toBeNull();
  });

  it('edits the YAML in place and saves it against the hash it was read at', async () => {
    const user = userEvent.setup();
    const { client } = renderEvaluate({ 'evals.saveSet': ({ text }) => setFile({ text, sha256: 'b'.repeat(64) }) });
    const section = await screen.findByTestId('prompt-set');
    await waitFor(() => expect(section.textContent).toContain('3 cases'));
    await user.click(within(section).getByRole('button', { name: 'Edit' }));
    const box = within(section).getByRole('textbox', { name: 'Prompt set (YAML)' });
    expect((box as HTMLTextAreaElement).value).toBe(SET_TEXT);
    await user.type(box, '# more{Control>}s{/Control}');
    expect(client.callsTo('evals.saveSet')).toEqual([{ family: FAMILY, text: `${SET_TEXT}# more`, baseSha256: 'a'.repeat(64) }]);
    await waitFor(() => expect(within(section).queryByRole('textbox')).toBeNull());
  });

  it('holds runs back while the set has unsaved edits: a run uses the file as saved', async () => {
    const user = userEvent.setup();
    renderEvaluate({ 'evals.saveSet': ({ text }) => setFile({ text, sha256: 'b'.repeat(64) }) });
    const section = await screen.findByTestId('prompt-set');
    await waitFor(() => expect(section.textContent).toContain('3 cases'));
    await user.click(within(section).getByRole('button', { name: 'Edit' }));
    expect(screen.getByTestId('eval-run').hasAttribute('disabled')).toBe(false);
    await user.type(within(section).getByRole('textbox', { name: 'Prompt set (YAML)' }), '#');
    expect(screen.getByTestId('eval-run').hasAttribute('disabled')).toBe(true);
    expect(screen.getByTestId('run-panel').textContent).toContain('Save the prompt set first');
    await user.keyboard('{Control>}s{/Control}');
    await waitFor(() => expect(screen.getByTestId('eval-run').hasAttribute('disabled')).toBe(false));
  });

  it('a text saved with problems stays open in the editor, with each problem placed', async () => {
    const user = userEvent.setup();
    renderEvaluate({
      'evals.saveSet': ({ text }) => setFile({ text, sha256: 'c'.repeat(64), set: null, problems: [{ message: 'is not valid YAML: bad indentation', path: '', line: 5, column: 3 }] }),
    });
    const section = await screen.findByTestId('prompt-set');
    await waitFor(() => expect(section.textContent).toContain('3 cases'));
    await user.click(within(section).getByRole('button', { name: 'Edit' }));
    const box = within(section).getByRole('textbox', { name: 'Prompt set (YAML)' });
    await user.type(box, '   bad: x');
    await user.click(within(section).getByRole('button', { name: 'Save' }));
    expect((await within(section).findByTestId('prompt-set-problem')).textContent).toBe('Line 5, column 3: is not valid YAML: bad indentation');
    expect(within(section).getByRole('textbox', { name: 'Prompt set (YAML)' })).toBe(box);
    expect(screen.queryByTestId('run-panel')).toBeNull();
  });

  it('a save refused because the file changed on disk says so, keeps the text, and offers a reload', async () => {
    const user = userEvent.setup();
    const { client } = renderEvaluate({
      'evals.saveSet': () => {
        throw new AppError('conflict', 'evals/bot.yaml changed on disk');
      },
    });
    const section = await screen.findByTestId('prompt-set');
    await waitFor(() => expect(section.textContent).toContain('3 cases'));
    await user.click(within(section).getByRole('button', { name: 'Edit' }));
    const box = within(section).getByRole('textbox', { name: 'Prompt set (YAML)' });
    await user.type(box, 'x');
    await user.click(within(section).getByRole('button', { name: 'Save' }));
    const alert = await within(section).findByTestId('prompt-set-save-error');
    expect(alert.textContent).toContain('The file changed on disk since it was opened');
    expect((box as HTMLTextAreaElement).value).toBe(`${SET_TEXT}x`);
    const reads = client.callsTo('evals.readSet').length;
    await user.click(within(alert).getByRole('button', { name: 'Reload the file' }));
    expect(client.callsTo('evals.readSet')).toHaveLength(reads + 1);
  });
});

describe('Evaluate: New prompt set', () => {
  it('offers it when the family has none, and creates one from the template', async () => {
    const user = userEvent.setup();
    let created = false;
    const { client } = renderEvaluate(
      {
        'evals.readSet': () => (created ? setFile() : missing()),
        'evals.newSet': () => {
          created = true;
          return setFile();
        },
        'chat.list': () => [],
      },
      {},
      [],
    );
    await screen.findByTestId('prompt-set-missing');
    await user.click(screen.getByRole('button', { name: 'New prompt set…' }));
    const dialog = await screen.findByTestId('new-prompt-set');
    expect((within(dialog).getByRole('radio', { name: /A template/ }) as HTMLInputElement).checked).toBe(true);
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    expect(client.callsTo('evals.newSet')).toEqual([{ family: FAMILY, from: { kind: 'template' } }]);
    await waitFor(() => expect(screen.queryByTestId('new-prompt-set')).toBeNull());
    expect(screen.getByTestId('prompt-set').textContent).toContain('3 cases');
    expect(screen.getByTestId('run-panel')).toBeTruthy();
  });

  it('lists only this family’s conversations and turns the picked ones into cases, by keyboard', async () => {
    const user = userEvent.setup();
    const { client } = renderEvaluate(
      {
        'evals.readSet': missing,
        'evals.newSet': () => setFile(),
        'chat.list': () => [
          conversation('c1', 'bot-v1', { title: 'Refund questions' }),
          conversation('c2', 'other-v1', { title: 'Not this family' }),
          conversation('c3', 'llama3:latest', { compareModel: 'bot-v2', title: 'Compared with v2' }),
        ],
      },
      {},
      [],
    );
    await screen.findByTestId('prompt-set-missing');
    screen.getByRole('button', { name: 'New prompt set…' }).focus();
    await user.keyboard('{Enter}');
    const dialog = await screen.findByTestId('new-prompt-set');
    // Focus starts on the first choice; Space picks the conversations.
    expect(document.activeElement).toBe(within(dialog).getByRole('radio', { name: /A template/ }));
    within(dialog).getByRole('radio', { name: /Chat conversations/ }).focus();
    await user.keyboard(' ');
    const choices = await within(dialog).findAllByTestId('conversation-choice');
    expect(choices.map((c) => c.textContent)).toEqual([expect.stringContaining('Refund questions'), expect.stringContaining('Compared with v2')]);
    expect(within(dialog).getByRole('button', { name: 'Create' }).hasAttribute('disabled')).toBe(true);
    await user.tab();
    await user.keyboard(' ');
    await user.click(within(choices[1]!).getByRole('checkbox'));
    const create = within(dialog).getByRole('button', { name: 'Create with 2 conversations' });
    create.focus();
    await user.keyboard('{Enter}');
    expect(client.callsTo('evals.newSet')).toEqual([{ family: FAMILY, from: { kind: 'conversations', conversationIds: ['c1', 'c3'] } }]);
  });

  it('says so when the family has no conversation yet', async () => {
    const user = userEvent.setup();
    renderEvaluate({ 'evals.readSet': missing, 'chat.list': () => [conversation('c2', 'other-v1')] }, {}, []);
    await user.click(await screen.findByRole('button', { name: 'New prompt set…' }));
    await user.click(screen.getByRole('radio', { name: /Chat conversations/ }));
    expect((await screen.findByTestId('no-family-conversations')).textContent).toContain('No conversation with a version of this family yet');
  });
});
