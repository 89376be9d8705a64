// A confirmation in the page's <dialog id="confirm">: modal, Escape cancels,
// focus starts on "Cancel" so that Enter never deletes by accident.
import { byId } from './dom.js';

const dialog = byId('confirm');

/** Resolves to true when the person confirms. */
export function confirm({ title, text, action }) {
  byId('confirm-title').textContent = title;
  byId('confirm-text').textContent = text;
  byId('confirm-ok').textContent = action;
  dialog.returnValue = '';
  dialog.showModal();
  byId('confirm-cancel').focus();
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => resolve(dialog.returnValue === 'ok'), { once: true });
  });
}

byId('confirm-ok').addEventListener('click', () => dialog.close('ok'));
byId('confirm-cancel').addEventListener('click', () => dialog.close('cancel'));
