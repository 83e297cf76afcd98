/**
 * jsdom has HTMLDialogElement but not showModal() or close(): these stand-ins keep the `open`
 * attribute and the `close` event as a browser does, so components using the native modal dialog
 * render in component tests. (The inert page and the top layer are checked in Chromium, by e2e.)
 */
if (typeof HTMLDialogElement !== 'undefined' && typeof HTMLDialogElement.prototype.showModal !== 'function') {
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    if (this.open) return;
    this.setAttribute('open', '');
  };
  HTMLDialogElement.prototype.show = HTMLDialogElement.prototype.showModal;
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement, returnValue?: string) {
    if (!this.open) return;
    this.removeAttribute('open');
    if (returnValue !== undefined) this.returnValue = returnValue;
    // A task later, as in browsers.
    setTimeout(() => this.dispatchEvent(new Event('close')), 0);
  };
}
