// Errors as people understand them: what went wrong and what to do, never a
// stack trace. Read by `code` first, then by the error class's `name`
// (API.md, "Errors"); ValidationError details go next to their fields.
import { count, el, lostFocus } from './dom.js';

const seconds = (n) => count(n, 'second');

const BY_CODE = {
  PASSWORD_REQUIRED: ['This secret is protected by a password.', 'Enter the password and try again.'],
  INVALID_PASSWORD: ['The password is wrong.', 'No view was used: check it and try again.'],
  OTP_REQUIRED: ['This secret asks for a one-time code.', 'Click "Send me a code" to have one sent to its receiver, then enter it under "One-time code".'],
  INVALID_OTP: ['The one-time code is wrong or has expired.', 'No view was used: ask for a new code and try again.'],
  CAPTCHA_REQUIRED: ['This secret asks for a captcha.', 'Tick "I am not a robot" and open it again.'],
  REQUEST_PENDING: ['Nobody has answered this request yet.', 'Send the responder link to the person you asked, and try again once they have answered.'],
  REQUEST_CLOSED: ['This request is closed without an answer to open.', 'It expired or was cancelled before anyone answered: create a new request.'],
  NO_PUBLIC_KEY: ['This request cannot be answered with zero knowledge.', 'Create a new request from this console.'],
  QUOTA_EXCEEDED: ['Your plan’s limit of active secrets is reached.', 'Delete secrets you no longer need, or wait for some to expire.'],
  PAYLOAD_TOO_LARGE: ['The files are too large for the server.', 'Send fewer or smaller files (10 MB in all at most).'],
};

const BY_NAME = {
  AuthenticationError: () => ['The token was refused.', 'Check it in Settings: it may be mistyped, revoked or expired.'],
  PermissionError: (e, recipient) => recipient
    ? ['This secret cannot be opened from here.', 'Its sender limited it to some networks or countries.']
    : ['This token is not allowed to do that.', 'Use a token with the needed permission (read, write or stats) in Settings; a token of several companies: check the company there.'],
  NotFoundError: (e, recipient) => recipient
    ? ['This secret or answer is no longer available.', 'It expired, was deleted, or was already viewed as many times as allowed.']
    : ['It does not exist or is no longer available.', 'It may have expired or been deleted. Refresh the list.'],
  QuotaExceededError: () => BY_CODE.QUOTA_EXCEEDED,
  RateLimitError: (e) => ['Too many requests in a short time.', `Wait ${seconds(e.retryAfter ?? 60)}, then try again.`],
  AttachmentError: () => ['A file cannot be sent.', 'Remove it, or choose fewer or smaller files (at most 10 files, 10 MB in all).'],
  ValidationError: () => ['Some fields need a correction.', 'See the notes next to them.'],
  TimeoutError: () => ['The server took too long to answer.', 'Check the API URL in Settings, then try again in a moment.'],
  NetworkError: () => ['The server cannot be reached, or it answered with an error.', 'Check the API URL in Settings and that the server is running (npm start starts the mock).'],
  CryptoError: (e, recipient) => ['It could not be decrypted.', recipient
    ? 'The key in the link is wrong or incomplete: ask for the whole link, including the part after “#”.'
    : 'The data or the key is damaged.'],
};

/**
 * [what happened, what to do] for an error. `recipient` is true where the
 * page acts as a secret's recipient (reveal, open an answer).
 */
export function explain(error, recipient = false) {
  if (!window.Sharokey?.isSharokeyError(error)) return ['Something went wrong in this page.', 'Reload it and try again.'];
  if (error.name === 'AuthenticationError' && !Sharokey.getConfig().hasToken) {
    return ['No token is set.', 'Enter one in Settings, or use the demo token.'];
  }
  if (BY_CODE[error.code]) return BY_CODE[error.code];
  return (BY_NAME[error.name] ?? (() => ['The request failed.', 'Try again; if it keeps failing, run the Diagnostics.']))(error, recipient);
}

/** The field a recipient's refusal is about (it has no `details`: its code says which). */
const FIELD_OF = { PASSWORD_REQUIRED: 'password', INVALID_PASSWORD: 'password', OTP_REQUIRED: 'otp', INVALID_OTP: 'otp' };

/** Marks `control` invalid, with `text` in a note next to it that describes it. */
function mark(control, text) {
  const id = `fe-${control.id || control.name}`;
  control.setAttribute('aria-invalid', 'true');
  control.setAttribute('aria-describedby', `${control.getAttribute('aria-describedby') ?? ''} ${id}`.trim());
  control.after(el('p', { class: 'field-error', id }, text));
}

/** The form control a detail key names: `ipWhitelist`, or a wire name such as `ip_whitelist` or `attachments.0.data`. */
function controlFor(form, key) {
  const base = key.split('.')[0];
  const named = form.querySelector(`[name="${CSS.escape(base)}"]`);
  if (named) return named;
  const wired = [...form.querySelectorAll(`[data-wire~="${CSS.escape(base)}"]`)];
  return wired.find((c) => c.value) ?? wired[0] ?? null;
}

/** The label's words, without its muted hint ("Description (for you)" -> "Description"). */
function labelOf(control) {
  const label = control.labels?.[0]?.cloneNode(true);
  if (!label) return control.name;
  for (const hint of label.querySelectorAll('.muted')) hint.remove();
  return label.textContent.trim();
}

/** Removes the field notes that `showError` added to `form`. */
export function clearFieldErrors(form) {
  if (!form) return;
  for (const note of form.querySelectorAll('.field-error')) note.remove();
  for (const control of form.querySelectorAll('[aria-invalid]')) {
    control.removeAttribute('aria-invalid');
    const ids = (control.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id && !id.startsWith('fe-'));
    if (ids.length) control.setAttribute('aria-describedby', ids.join(' '));
    else control.removeAttribute('aria-describedby');
  }
}

/** Hides `box` and clears the field notes of `form`. */
export function clearError(box, form) {
  box.hidden = true;
  box.replaceChildren();
  clearFieldErrors(form);
}

/**
 * Shows `error` in the alert `box`: a plain sentence and what to do; with
 * `form`, each field of a ValidationError gets its note next to it.
 * A caller's abort is not an error and shows nothing.
 */
export function showError(box, error, { form, recipient = false } = {}) {
  clearError(box, form);
  if (error?.name === 'AbortError') return;
  const [what, todo] = explain(error, recipient);
  const parts = [el('p', {}, el('strong', {}, what), ' ', todo)];
  const loose = [];
  let first = null;
  // `details` comes from the server too: whatever its shape, it is shown as text.
  const details = error?.details && typeof error.details === 'object' ? error.details : {};
  for (const [key, messages] of Object.entries(details)) {
    const control = form && controlFor(form, key);
    const text = [].concat(messages).map(String).join('; ');
    if (!control) {
      loose.push(el('li', {}, `${key}: ${text}`));
      continue;
    }
    mark(control, text);
    loose.push(el('li', {}, `${labelOf(control)}: ${text}`));
    first ??= control;
  }
  if (loose.length) parts.push(el('ul', {}, loose));
  // A wrong or missing password or code: that field is marked and focused, where it is fixed.
  const gate = !first && form && Object.hasOwn(FIELD_OF, error?.code) ? form.elements[FIELD_OF[error.code]] : null;
  if (gate) {
    mark(gate, what);
    // Focused unless the person moved the focus elsewhere while the call ran.
    const active = document.activeElement;
    if (lostFocus() || (active.type === 'submit' && form.contains(active))) first = gate;
  }
  // The library's messages never hold a secret, a token or a key; shown small, for whoever debugs.
  if (error?.message && error.name !== 'ValidationError') parts.push(el('p', { class: 'muted small' }, `Details: ${error.message}`));
  box.append(...parts);
  box.hidden = false;
  first?.focus();
}
