import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { placedStyle, TopLayer, useAnchored, useOutsidePress } from './TopLayer';

export interface MenuItem {
  id: string;
  label: string;
  onSelect(): void;
  /** Present for on/off items (rendered as menuitemcheckbox). */
  checked?: boolean;
  disabled?: boolean;
}

interface MenuButtonProps {
  /** The trigger's accessible name, e.g. "Actions for Property Manager v2". */
  label: string;
  items: MenuItem[];
  /** Shown above the items, e.g. why they are disabled. */
  note?: ReactNode;
  icon?: ReactNode;
}

/**
 * A button that opens a menu: arrow keys move, Enter picks, Esc closes and returns focus to the
 * button, a press elsewhere closes. The menu is drawn in the top layer, so no card or panel can
 * cover it (a covered item once let a click reach the button under it).
 */
export function MenuButton({ label, items, note, icon }: MenuButtonProps) {
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const triggerRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const { refs, elements, floatingStyles, isPositioned } = useAnchored({ open });

  const close = (restoreFocus: boolean) => {
    setOpen(false);
    if (restoreFocus) triggerRef.current?.focus();
  };

  useOutsidePress(open, () => [triggerRef.current, menuRef.current], () => setOpen(false));

  // Once placed: a menu still hidden for measuring cannot take focus.
  const ready = open && isPositioned;
  useEffect(() => {
    if (!ready) return;
    const first = menuRef.current?.querySelector<HTMLElement>('[role^="menuitem"]:not([disabled])');
    (first ?? menuRef.current)?.focus({ preventScroll: true });
  }, [ready]);

  const onMenuKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const entries = [...(menuRef.current?.querySelectorAll<HTMLElement>('[role^="menuitem"]:not([disabled])') ?? [])];
    const index = entries.indexOf(document.activeElement as HTMLElement);
    const focusAt = (i: number) => entries[(i + entries.length) % entries.length]?.focus();
    switch (event.key) {
      case 'Escape':
        event.preventDefault();
        event.stopPropagation();
        close(true);
        break;
      case 'ArrowDown':
        event.preventDefault();
        focusAt(index + 1);
        break;
      case 'ArrowUp':
        event.preventDefault();
        focusAt(index < 0 ? -1 : index - 1);
        break;
      case 'Home':
        event.preventDefault();
        focusAt(0);
        break;
      case 'End':
        event.preventDefault();
        focusAt(entries.length - 1);
        break;
      case 'Tab':
        // Back to the button first, so Tab moves on from there (the menu lives at the end of the page).
        close(true);
        break;
      default:
        break;
    }
  };

  return (
    <div className="menu">
      <button
        ref={(node) => {
          triggerRef.current = node;
          refs.setReference(node);
        }}
        type="button"
        className="icon-button"
        aria-label={label}
        title={label}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => setOpen((was) => !was)}
        onKeyDown={(event) => {
          if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && !open) {
            event.preventDefault();
            setOpen(true);
          } else if (event.key === 'Escape' && open) {
            event.preventDefault();
            event.stopPropagation();
            close(true);
          }
        }}
      >
        {icon ?? <span aria-hidden="true">⋯</span>}
      </button>
      {open && (
        <TopLayer anchor={elements.reference as Element | null}>
          <div
            ref={(node) => {
              menuRef.current = node;
              refs.setFloating(node);
            }}
            id={menuId}
            role="menu"
            aria-label={label}
            className="menu__list"
            style={placedStyle(floatingStyles, isPositioned)}
            tabIndex={-1}
            onKeyDown={onMenuKeyDown}
          >
            {note && <div className="menu__note">{note}</div>}
            {items.map((item) => (
              <button
                key={item.id}
                type="button"
                role={item.checked === undefined ? 'menuitem' : 'menuitemcheckbox'}
                aria-checked={item.checked}
                disabled={item.disabled}
                className="menu__item"
                data-menu-item={item.id}
                tabIndex={-1}
                onClick={() => {
                  close(true);
                  item.onSelect();
                }}
              >
                <span className="menu__check" aria-hidden="true">
                  {item.checked === undefined ? '' : item.checked ? '✓' : ''}
                </span>
                {item.label}
              </button>
            ))}
          </div>
        </TopLayer>
      )}
    </div>
  );
}
