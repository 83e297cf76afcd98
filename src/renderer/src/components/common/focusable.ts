const FOCUSABLE =
  'button:not([disabled]), [href], input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"]), [contenteditable="true"]';

/** The controls in `root` that Tab can reach, in document order (those in hidden or inert parts left out). */
export function focusableIn(root: Element): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => !el.closest('[hidden], [inert]'));
}

/**
 * Whether two controls are one Tab stop: the radios of a group are (Tab enters the group once and
 * leaves it from any of them), so "is focus on the first stop" must count the whole group.
 */
export function sameTabStop(a: Element | null | undefined, b: Element | null | undefined): boolean {
  if (!a || !b) return false;
  if (a === b) return true;
  return a instanceof HTMLInputElement && b instanceof HTMLInputElement && a.type === 'radio' && b.type === 'radio' && a.name !== '' && a.name === b.name;
}

/** Where focus goes for a Tab stop: a radio group's chosen radio, else the control itself. */
export function tabStopTarget(el: HTMLElement): HTMLElement {
  if (!(el instanceof HTMLInputElement) || el.type !== 'radio' || el.name === '') return el;
  const scope = el.closest('dialog, fieldset') ?? el.ownerDocument;
  const checked = [...scope.querySelectorAll<HTMLInputElement>('input[type="radio"]')].find((r) => r.name === el.name && r.checked);
  return checked ?? el;
}
