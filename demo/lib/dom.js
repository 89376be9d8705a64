// Small DOM helpers shared by the views. Nodes are built with DOM APIs only
// (never innerHTML), so the page runs under Trusted Types and a strict CSP.

/** The element with this id (the views' markup lives in index.html). */
export const byId = (id) => document.getElementById(id);

/**
 * An element: `el('a', { href, class: 'x', onclick: fn }, 'text', child)`.
 * Attributes that are null or false are left out; `true` sets an empty one.
 */
export function el(tag, attrs = {}, ...children) {
  return fill(document.createElement(tag), attrs, children);
}

const SVG = 'http://www.w3.org/2000/svg';

/** An SVG element, with the same arguments as `el`. */
export function svg(tag, attrs = {}, ...children) {
  return fill(document.createElementNS(SVG, tag), attrs, children);
}

function fill(node, attrs, children) {
  for (const [key, value] of Object.entries(attrs)) {
    if (value == null || value === false) continue;
    if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  node.append(...children.flat().filter((c) => c != null && c !== false).map((c) => (c instanceof Node ? c : shown(c))));
  return node;
}

/**
 * Text as shown: direction overrides and control characters (but line breaks and tabs) become
 * U+FFFD, so that a name the server or a sender wrote cannot pose as another on screen
 * ("invoice\u202Efdp.exe" would read "invoiceexe.pdf"). Every text child of `el` goes through it.
 * mock/public/page.js has the same function for the mock's pages (no modules there): keep them alike.
 */
export const shown = (text) => String(text).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '\ufffd');

/** A `<dl>` filled with [term, description] pairs; empty descriptions are skipped. */
export function facts(dl, pairs) {
  dl.replaceChildren(...pairs.filter(([, v]) => v != null && v !== '').flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, v)]));
  return dl;
}

/** "1.2 KB" */
export const bytes = (n) => (n < 1024 ? `${n} B` : n < 1048576 ? `${(n / 1024).toFixed(1)} KB` : `${(n / 1048576).toFixed(1)} MB`);

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** A date and time in the reader's locale, or "never"; what is no date is shown as it came. */
export const when = (iso) => (!iso ? 'never' : Number.isNaN(+new Date(iso)) ? shown(iso) : dateTime.format(new Date(iso)));

/** "42 %" with one decimal when useful, or "n/a" for null. */
export const percent = (n) => (n == null ? 'n/a' : `${Math.round(n * 10) / 10} %`);

/** Characters as a person counts them (code points), as the library does. */
export const characters = (text) => [...text].length;

/** The form's fields as an object of trimmed, non-empty strings (checkboxes: true when ticked). */
export function values(form) {
  const out = {};
  for (const input of form.elements) {
    if (!input.name || input.type === 'file' || input.type === 'submit') continue;
    if (input.type === 'checkbox') {
      if (input.checked) out[input.name] = true;
    } else if (input.value.trim() !== '') {
      out[input.name] = input.name === 'content' ? input.value : input.value.trim();
    }
  }
  return out;
}

/** Numbers for the given keys of `obj` (form values are strings). */
export function numbers(obj, keys) {
  for (const key of keys) if (obj[key] != null) obj[key] = Number(obj[key]);
  return obj;
}

/**
 * Copies `text`, then says so in `status`. Falls back to selecting the
 * text of `input` when the clipboard is not available.
 */
export async function copy(text, status, input, what = '') {
  // `what` names the copied item where one status line serves several Copy buttons.
  const done = `Copied${what && ` ${what}`} to the clipboard.`;
  try {
    await navigator.clipboard.writeText(text);
    status.textContent = done;
  } catch {
    if (input) {
      input.focus();
      input.select();
    }
    status.textContent = document.execCommand?.('copy') ? done : 'Selected: press Ctrl+C (or ⌘C) to copy.';
  }
}

/** Disables `button` while `task` runs; returns the task's result. */
export async function busy(button, task) {
  // Disabling the focused button drops the focus to <body>, where a keyboard or screen reader
  // user loses their place: it comes back to the button, unless the task moved it on purpose
  // (to a result, or to the field an error names).
  const focused = document.activeElement === button;
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  try {
    return await task();
  } finally {
    button.disabled = false;
    button.removeAttribute('aria-busy');
    if (focused && lostFocus()) button.focus();
  }
}

/**
 * True when the focus is lost: on <body>, or on an element just disabled or hidden (which may
 * still be the active one for a moment).
 */
export const lostFocus = () => {
  const active = document.activeElement;
  return !active || active === document.body || active.disabled || !active.getClientRects().length;
};

/** Download links for revealed files (their blob URLs are freed by `releaseLinks`). */
export function fileLinks(files) {
  return el('ul', { class: 'files', 'aria-label': 'Attachments' },
    files.map((file) => el('li', {}, el('a', { href: URL.createObjectURL(new Blob([file], { type: 'application/octet-stream' })), download: shown(file.name) }, `Download ${file.name}`), ` ${bytes(file.size)}`)));
}

/** Releases the blob URLs of the download links inside `root`. */
export function releaseLinks(root) {
  for (const a of root.querySelectorAll('a[href^="blob:"]')) URL.revokeObjectURL(a.href);
}

/** A status badge: `badge('active')`. */
export const badge = (status) => el('span', { class: `badge ${status}` }, status === 'completed' ? 'answered' : status);

/** `1 file`, `2 files`: a count and its noun. */
export const count = (n, noun) => `${n} ${noun}${n === 1 ? '' : 's'}`;
