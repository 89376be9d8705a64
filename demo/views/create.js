// Create: every option of Sharokey.create(), attachments by drag and drop or
// a file picker, a progress bar fed by onProgress, then the share link.
import { busy, byId, bytes, characters, copy, count, el, facts, numbers, values, when } from '../lib/dom.js';
import { clearError, showError } from '../lib/errors.js';

const form = byId('create-form');
const errorBox = byId('c-error');
const drop = byId('c-drop');
const picker = byId('c-files');
const list = byId('c-file-list');
const progressRow = byId('c-progress-row');
const progress = byId('c-progress');
const progressLabel = byId('c-progress-label');
const result = byId('c-result');

const SECURITY = {
  none: 'None: anyone with the link can open it',
  // The same, when an address or country limit applies (those are outside the ladder).
  limited: 'No password, code or captcha',
  captcha: 'Captcha',
  password: 'Password',
  otp_email: 'One-time code by e-mail',
  otp_phone: 'One-time code by SMS',
};

/** The files chosen so far (picker and drops add to it). */
let files = [];

function showFiles() {
  const total = files.reduce((n, f) => n + f.size, 0);
  list.replaceChildren(...files.map((file, i) => el('li', {},
    `${file.name} (${bytes(file.size)}) `,
    el('button', { type: 'button', class: 'link', 'aria-label': `Remove ${file.name}`, onclick: () => { files.splice(i, 1); showFiles(); (list.querySelectorAll('button')[Math.min(i, files.length - 1)] ?? byId('c-files')).focus(); } }, 'Remove'))));
  if (files.length) list.append(el('li', { class: 'muted' }, `${count(files.length, 'file')}, ${bytes(total)} in all`));
  // Said now, not only when the form is sent: the limits of the library's table (at most 10 files, 10 MB in all).
  if (files.length > 10 || total > 10 * 1024 * 1024) list.append(el('li', { class: 'over-limit' }, 'Over the limit of 10 files and 10 MB in all: remove some before creating.'));
}

function addFiles(chosen) {
  files = [...files, ...chosen];
  showFiles();
}

function onProgress({ phase, loaded, total }) {
  progressRow.hidden = false;
  if (phase === 'upload') {
    progress.removeAttribute('value'); // indeterminate: fetch does not report upload progress
    progressLabel.textContent = 'Sending the ciphertext…';
  } else {
    progress.value = phase === 'done' || !total ? 1 : loaded / total;
    progressLabel.textContent = phase === 'done' ? 'Done.' : `Encrypting the files: ${bytes(loaded)} of ${bytes(total)}`;
  }
}

/** The second argument is the options sent: their address and country limits (the server's answer does not repeat them). */
function showResult(secret, { ipWhitelist, geolocation }) {
  byId('c-link').value = secret.share_url;
  byId('c-open').href = secret.share_url;
  byId('c-copied').textContent = '';
  const limited = secret.security === 'none' && (ipWhitelist || geolocation);
  facts(byId('c-facts'), [
    ['Protection applied', limited ? SECURITY.limited : SECURITY[secret.security] ?? secret.security],
    ['Only from addresses', ipWhitelist || null],
    ['Only from countries', geolocation ? geolocation.toUpperCase() : null],
    ['Slug', secret.slug],
    ['Expires', when(secret.expiration)],
    ['Views allowed', String(secret.maximum_views)],
    ['Attachments', secret.attachments_count ? String(secret.attachments_count) : null],
    ['Description', secret.description],
  ]);
  result.hidden = false;
  result.focus();
}

async function submit(event) {
  event.preventDefault();
  clearError(errorBox, form);
  result.hidden = true;
  const { content = '', hours, views, ...options } = numbers(values(form), ['hours', 'views']);
  if (files.length) options.attachments = files;
  progress.value = 0;
  progressLabel.textContent = 'Encrypting…';
  try {
    const secret = await busy(byId('c-submit'), () => Sharokey.create(content, hours, views, { ...options, onProgress }));
    showResult(secret, options);
    // Ready for the next secret: its content, files and every protection are cleared
    // (keeping some of them would make the next one protected by less than it seems), and so are
    // its description and message (a message kept would reach the next secret's recipient).
    for (const name of ['content', 'description', 'message', 'password', 'otpEmail', 'otpPhone', 'ipWhitelist', 'geolocation']) form.elements[name].value = '';
    form.elements.captcha.checked = false;
    files = [];
    showFiles();
    updateCount();
  } catch (error) {
    progressRow.hidden = true;
    showError(errorBox, error, { form });
  }
}

const updateCount = () => {
  const n = characters(form.elements.content.value);
  byId('c-count').textContent = `${n} / 255 characters`;
  byId('c-count').classList.toggle('over-limit', n > 255);
};

export function init() {
  form.addEventListener('submit', submit);
  form.addEventListener('reset', () => {
    files = [];
    showFiles();
    clearError(errorBox, form);
    progressRow.hidden = true;
    setTimeout(updateCount);
  });
  form.elements.content.addEventListener('input', updateCount);
  picker.addEventListener('change', () => {
    addFiles([...picker.files]);
    picker.value = ''; // so that choosing the same file again adds it again
  });
  drop.addEventListener('dragover', (event) => {
    event.preventDefault();
    drop.classList.add('over');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (event) => {
    event.preventDefault();
    drop.classList.remove('over');
    addFiles([...(event.dataTransfer?.files ?? [])]);
  });
  byId('c-copy').addEventListener('click', () => copy(byId('c-link').value, byId('c-copied'), byId('c-link')));
}

export function show() {}
