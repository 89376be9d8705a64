// Shows a revealed secret (from reveal() or openRequest()): the sender's
// message, the content with a Copy button, and the files as downloads.
import { copy, el, fileLinks, releaseLinks } from './dom.js';

/** Fills `box` with `revealed` ({ content, message, attachments }); `id` prefixes the ids it makes. */
export function showRevealed(box, { content, message, attachments }, id, heading = 'The secret') {
  releaseLinks(box);
  const text = el('textarea', { id: `${id}-content`, rows: 4, readonly: true, spellcheck: 'false', autocomplete: 'off' });
  text.value = content;
  const status = el('p', { role: 'status', class: 'status' });
  box.replaceChildren(...[
    el('h3', { id: `${id}-heading` }, heading),
    message && el('p', { class: 'note' }, el('span', { class: 'muted' }, 'Message: '), message),
    el('label', { for: text.id }, 'Content'),
    text,
    el('div', { class: 'actions' }, el('button', { type: 'button', onclick: () => copy(text.value, status, text) }, 'Copy')),
    status,
    attachments.length ? fileLinks(attachments) : null,
    el('p', { class: 'help' }, 'This view is used: opening the link again takes another one, if any are left. Copy what you need now.'),
  ].filter(Boolean));
  box.hidden = false;
  // A named region: the focus lands on its name, not on all its text read as one.
  box.setAttribute('role', 'region');
  box.setAttribute('aria-labelledby', `${id}-heading`);
  box.tabIndex = -1;
  box.focus();
}
