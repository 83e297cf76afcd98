// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ModelPicker, PICKER_MAX_CHARS } from '../../src/renderer/src/components/chat/ModelPicker';
import type { ChatModelOption } from '../../src/renderer/src/store/chat-selectors';

const LONG_V1 = 'PeteOllama Property Manager for Large Residential Portfolios v1 (v1)';
const LONG_V2 = 'PeteOllama Property Manager for Large Residential Portfolios v2 (v2)';
const options: ChatModelOption[] = [
  { value: 'pm:v1', label: LONG_V1, group: 'registry' },
  { value: 'pm:v2', label: LONG_V2, group: 'registry' },
  { value: 'llama3:latest', label: 'llama3:latest', group: 'ollama' },
];

afterEach(cleanup);

function renderPicker(value: string | null, onChange = vi.fn()) {
  render(<ModelPicker label="Model" value={value} options={options} onChange={onChange} testId="picker" />);
  return { select: screen.getByTestId('picker') as HTMLSelectElement, onChange };
}

describe('Chat model picker: long names', () => {
  it('cuts them in the middle, so two versions still differ, and keeps the full name as title and accessible name', () => {
    const { select } = renderPicker('pm:v2');
    const [v1, v2, llama] = within(select).getAllByRole('option') as HTMLOptionElement[];
    for (const [option, full, version] of [[v1!, LONG_V1, 'v1 (v1)'], [v2!, LONG_V2, 'v2 (v2)']] as const) {
      expect(option.textContent!.length).toBeLessThanOrEqual(PICKER_MAX_CHARS);
      expect(option.textContent).toContain('…');
      expect(option.textContent!.endsWith(version)).toBe(true);
      expect(option.title).toBe(full);
      expect(option.getAttribute('aria-label')).toBe(full);
    }
    // Screen readers and tests find each by its full name.
    expect(within(select).getByRole('option', { name: LONG_V2 })).toBe(v2);
    // A short name is shown whole, with nothing extra.
    expect(llama!.textContent).toBe('llama3:latest');
    expect(llama!.hasAttribute('aria-label')).toBe(false);
    // The closed picker's hover shows the chosen model's full name.
    expect(select.title).toBe(LONG_V2);
  });

  it('still picks the model behind a cut name', async () => {
    const { select, onChange } = renderPicker('pm:v2');
    await userEvent.setup().selectOptions(select, 'pm:v1');
    expect(onChange).toHaveBeenCalledWith('pm:v1');
  });
});
