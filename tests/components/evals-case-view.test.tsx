// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderEvaluate, result, runRecord, V1, V2 } from './support/eval-fixtures';
import { useFakeLayout } from './support/layout';

useFakeLayout({ width: 1280, height: 700 });

async function openCase(user: ReturnType<typeof userEvent.setup>, name: string) {
  const open = await screen.findByRole('button', { name: `Compare outputs for ${name}` });
  open.focus();
  await user.keyboard('{Enter}');
  return screen.findByTestId('case-view');
}

describe('Evaluate: a case side by side', () => {
  it('shows the two newest versions’ outputs with removed words struck on the left and added words underlined on the right, in words for screen readers', async () => {
    const user = userEvent.setup();
    renderEvaluate();
    const view = await openCase(user, 'refund');
    const left = within(view).getByTestId('diff-before');
    const right = within(view).getByTestId('diff-after');
    // v1 passed ("Hello, your refund is on its way."), v2 failed ("Sorry, we cannot refund that order.").
    const removed = [...left.querySelectorAll('del')].map((d) => d.textContent);
    const added = [...right.querySelectorAll('ins')].map((d) => d.textContent);
    expect(removed.join(' ')).toContain('Hello');
    expect(added.join(' ')).toContain('Sorry');
    expect(left.querySelector('ins')).toBeNull();
    expect(right.querySelector('del')).toBeNull();
    expect(left.querySelector('del .visually-hidden')?.textContent).toBe('[removed: ');
    expect(right.querySelector('ins .visually-hidden')?.textContent).toBe('[added: ');
    // The words both share are plain text on both sides.
    expect(left.textContent).toContain('refund');
    expect(right.textContent).toContain('refund');
    expect(within(view).getByTestId('case-side-before').textContent).toContain('Support Bot v1');
    expect(within(view).getByTestId('case-side-after').textContent).toContain('✕ Failed');
  });

  it('lets the user choose which two versions to compare', async () => {
    const user = userEvent.setup();
    const run = runRecord({
      models: ['bot-v1', 'bot-v2', 'bot-v3'].map((name, i) => ({ name, role: 'version', version: i + 1, digest: null, modelfile: null, builtFromSha256: null, modelfileSha256: null })),
      results: [...runRecord().results, result('refund', 'bot-v3', true, { output: 'Your refund left today.' })],
    });
    renderEvaluate({}, {}, [run]);
    const view = await openCase(user, 'refund');
    expect((within(view).getByTestId('case-left') as HTMLSelectElement).value).toBe(V2);
    expect(within(view).getByTestId('diff-after').textContent).toContain('[added: ');
    await user.selectOptions(within(view).getByTestId('case-left'), V1);
    expect(within(view).getByTestId('case-side-before').textContent).toContain('Support Bot v1');
    const added = [...within(view).getByTestId('diff-after').querySelectorAll('ins')].map((i) => i.textContent?.replace('[added: ', '').replace(']', '').trim());
    expect(added).toContain('left');
    expect(added).not.toContain('refund');
  });

  it('keeps the request (system, prompt, options) folded until asked for', async () => {
    const user = userEvent.setup();
    renderEvaluate();
    const view = await openCase(user, 'Greets a new customer');
    const request = within(view).getByTestId('case-request') as HTMLDetailsElement;
    expect(request.open).toBe(false);
    await user.click(within(request).getByText('Request sent'));
    expect(request.open).toBe(true);
    expect(request.textContent).toContain('SystemYou are a support bot.');
    expect(request.textContent).toContain('temperature: 0 · seed: 42 · think: false');
  });

  it('Esc goes back to the results with focus on the case it came from', async () => {
    const user = userEvent.setup();
    renderEvaluate();
    await openCase(user, 'refund');
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByTestId('case-view')).toBeNull());
    await waitFor(() => expect(document.activeElement?.getAttribute('aria-label')).toBe('Compare outputs for refund'));
  });
});
