// The settings panel: API URL, token and company, applied with
// Sharokey.config(). Kept in sessionStorage only: they last as long as this
// tab, and the token is never written anywhere else.
import { byId, shown } from './dom.js';
import { clearError, showError } from './errors.js';

/** The mock that `npm start` runs. `?api=URL` in the page address overrides it. */
export const DEFAULT_API = 'http://127.0.0.1:8787/api/v1';
/** The admin token of the mock's built-in demo fixture (docs/mock.md). */
export const DEMO_TOKEN = 'demo-admin-token';

const KEY = 'sharokey-demo.';
const store = {
  get: (name) => sessionStorage.getItem(KEY + name) ?? '',
  set: (name, value) => (value ? sessionStorage.setItem(KEY + name, value) : sessionStorage.removeItem(KEY + name)),
};

const form = byId('settings-form');
const status = byId('set-status');
const errorBox = byId('set-error');

/** Applies the settings to the global client; throws a ValidationError on a bad value. */
function apply({ apiUrl, token, company }) {
  Sharokey.config({ apiUrl, token: token || undefined, company: company || undefined });
}

/** Marks the token field as refused (described by the status line, which says so) or not. */
function refused(yes) {
  const token = form.elements.token;
  const ids = (token.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id && id !== 'set-status');
  if (yes) ids.push('set-status');
  token.setAttribute('aria-describedby', ids.join(' '));
  if (yes) token.setAttribute('aria-invalid', 'true');
  else token.removeAttribute('aria-invalid');
}

/** Says whether the server answers and takes the token. */
async function check() {
  const { apiUrl, hasToken } = Sharokey.getConfig();
  refused(false);
  if (!hasToken) {
    status.textContent = 'No token yet: enter one, or use the demo token.';
    return;
  }
  status.textContent = `Connecting to ${apiUrl}…`;
  if (await Sharokey.testConnection()) {
    // testConnection() is true once the token is accepted, even when it may not read: say no more than that.
    status.textContent = `Connected to ${apiUrl}. The token is accepted; Diagnostics shows what it may do.`;
    return;
  }
  try {
    await Sharokey.health();
    status.textContent = 'The server answers, but the token was refused. Check it.';
    refused(true);
  } catch {
    status.textContent = `The server at ${apiUrl} cannot be reached. Is it running? (npm start starts the mock.)`;
  }
}

async function save(onChange) {
  clearError(errorBox, form);
  refused(false); // that token is no longer the one in the field
  const next = {
    apiUrl: form.elements.apiUrl.value.trim(),
    token: form.elements.token.value.trim(),
    company: form.elements.company.value.trim(),
  };
  try {
    apply(next);
  } catch (error) {
    showError(errorBox, error, { form });
    // The saved settings still apply; the status line no longer speaks of them.
    status.textContent = 'Not saved: fix the field above.';
    return;
  }
  for (const [name, value] of Object.entries(next)) store.set(name, value);
  onChange();
  await check();
}

/**
 * Reads the saved settings (or `?api=`), applies them, and wires the panel.
 * `onChange` runs after each change, so the open view can reload.
 */
export function initSettings(onChange) {
  const params = new URLSearchParams(location.search);
  const fromQuery = params.get('api');
  let forgot = false;
  let named = false;
  if (fromQuery) {
    // A link that names another API must not carry this tab's token there: it is forgotten
    // (a link from anyone could otherwise send it to a server of theirs at once); with no
    // token yet, the person is told which server the link chose before they type one.
    const saved = store.get('apiUrl') || DEFAULT_API;
    named = fromQuery.replace(/\/+$/, '') !== saved.replace(/\/+$/, '');
    if (named && store.get('token')) {
      store.set('token', '');
      store.set('company', '');
      forgot = true;
    }
    store.set('apiUrl', fromQuery);
    // Drop it from the address, so the field wins after a reload.
    params.delete('api');
    history.replaceState(null, '', location.pathname + (params.toString() ? `?${params}` : '') + location.hash);
  }
  form.elements.apiUrl.value = store.get('apiUrl') || DEFAULT_API;
  form.elements.token.value = store.get('token');
  form.elements.company.value = store.get('company');
  try {
    apply({ apiUrl: form.elements.apiUrl.value, token: store.get('token'), company: store.get('company') });
  } catch (error) {
    showError(errorBox, error, { form });
  }
  if (forgot) status.textContent = `The address named another API (${shown(form.elements.apiUrl.value)}): the token was forgotten, so that it is not sent there. Enter it again if you trust that server.`;
  else if (named) status.textContent = `No token yet. The address chose the API ${shown(form.elements.apiUrl.value)}: enter a token only if you trust that server.`;
  else check();

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    save(onChange);
  });
  byId('set-demo').addEventListener('click', () => {
    form.elements.token.value = DEMO_TOKEN;
    form.elements.company.value = '';
    save(onChange);
  });
  byId('set-forget').addEventListener('click', () => {
    form.elements.token.value = '';
    save(onChange);
  });
}
