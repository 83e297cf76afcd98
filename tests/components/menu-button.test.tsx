// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MenuButton, type MenuItem } from '../../src/renderer/src/components/common/MenuButton';

afterEach(cleanup);

function items(onSelect = vi.fn()): MenuItem[] {
  return [
    { id: 'a', label: 'First', onSelect: () => onSelect('a') },
    { id: 'b', label: 'Second', onSelect: () => onSelect('b'), disabled: true },
    { id: 'c', label: 'Third', onSelect: () => onSelect('c') },
  ];
}

/** A card-like box that clips and stacks its content, as the real cards do. */
function renderInCard(list: MenuItem[]) {
  return render(
    <>
      <article data-testid="card" style={{ overflow: 'hidden', position: 'relative', zIndex: 1 }}>
        <MenuButton label="Actions for m" items={list} />
        <button type="button">Create</button>
      </article>
      <button type="button">Elsewhere</button>
    </>,
  );
}

describe('MenuButton', () => {
  it('draws the menu outside the card, at the end of the page, so nothing in the card can cover it', async () => {
    const user = userEvent.setup();
    renderInCard(items());
    await user.click(screen.getByRole('button', { name: 'Actions for m' }));
    const menu = screen.getByRole('menu', { name: 'Actions for m' });
    expect(screen.getByTestId('card').contains(menu)).toBe(false);
    expect(menu.parentElement).toBe(document.body);
    expect(screen.getByRole('button', { name: 'Actions for m' }).getAttribute('aria-controls')).toBe(menu.id);
  });

  it('moves with the arrow keys over enabled items, wraps, and picks with Enter', async () => {
    const user = userEvent.setup();
    const onSelect = vi.fn();
    renderInCard(items(onSelect));
    screen.getByRole('button', { name: 'Actions for m' }).focus();
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement?.textContent).toContain('First');
    await user.keyboard('{ArrowDown}');
    // "Second" is disabled: skipped.
    expect(document.activeElement?.textContent).toContain('Third');
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement?.textContent).toContain('First');
    await user.keyboard('{ArrowUp}');
    expect(document.activeElement?.textContent).toContain('Third');
    await user.keyboard('{Enter}');
    expect(onSelect).toHaveBeenCalledWith('c');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Actions for m' }));
  });

  it('closes on Escape and gives focus back to its button, without the Escape reaching the page', async () => {
    const user = userEvent.setup();
    const pageEscape = vi.fn();
    document.addEventListener('keydown', pageEscape);
    renderInCard(items());
    await user.click(screen.getByRole('button', { name: 'Actions for m' }));
    expect(screen.getByRole('menu')).toBeTruthy();
    await user.keyboard('{Escape}');
    document.removeEventListener('keydown', pageEscape);
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Actions for m' }));
    expect(pageEscape).not.toHaveBeenCalled();
  });

  it('closes on a press elsewhere, and stays open for a press inside it', async () => {
    const user = userEvent.setup();
    renderInCard(items());
    await user.click(screen.getByRole('button', { name: 'Actions for m' }));
    await user.click(screen.getByRole('menuitem', { name: 'Second' }));
    expect(screen.queryByRole('menu')).not.toBeNull();
    await user.click(screen.getByRole('button', { name: 'Elsewhere' }));
    expect(screen.queryByRole('menu')).toBeNull();
  });

  it('closes on Tab, focus going back to its button first', async () => {
    const user = userEvent.setup();
    renderInCard(items());
    await user.click(screen.getByRole('button', { name: 'Actions for m' }));
    await user.keyboard('{Tab}');
    expect(screen.queryByRole('menu')).toBeNull();
    // From the button, Tab moved on to the next control in the card.
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Create' }));
  });

  it('opens inside a modal dialog when its button is in one (the rest of the page is inert then)', async () => {
    const user = userEvent.setup();
    render(
      <dialog open data-testid="host">
        <MenuButton label="In dialog" items={items()} />
      </dialog>,
    );
    await user.click(screen.getByRole('button', { name: 'In dialog' }));
    expect(screen.getByTestId('host').contains(screen.getByRole('menu'))).toBe(true);
  });
});
