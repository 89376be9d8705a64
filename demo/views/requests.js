// Requests: createRequest() with every option, its responder link and private
// inbox link; openRequest() to read an answer; listRequests() with filters,
// getRequest() details, deleteRequest(), and requestStats().
import { badge, busy, byId, copy, count, el, facts, lostFocus, numbers, values, when } from '../lib/dom.js';
import { clearError, showError } from '../lib/errors.js';
import { confirm } from '../lib/confirm.js';
import { pager } from '../lib/pager.js';
import { showRevealed } from '../lib/revealed.js';

const form = byId('r-form');
const result = byId('r-result');
const answerForm = byId('r-answer-form');
const answerError = byId('r-answer-error');
const filters = byId('r-filters');
const listError = byId('r-list-error');
const tbody = byId('r-table').tBodies[0];
const details = byId('r-details');
let page = 1;

/**
 * Inbox links of the requests made in this tab, by token. Only in memory:
 * they hold private keys, so a reload forgets them (the page says so).
 */
const inboxes = new Map();

const card = (label, value) => el('div', { class: 'card' }, el('span', { class: 'card-value' }, String(value)), el('span', { class: 'card-label' }, label));

async function loadStats() {
  try {
    const s = await Sharokey.requestStats();
    byId('r-stats').replaceChildren(card('requests', s.total_requests), card('open', s.active_requests),
      card('answered', s.completed_requests), card('expired', s.expired_requests), card('last 7 days', s.requests_created_this_week));
  } catch {
    // A token without the stats scope can still use requests: the list says what is wrong.
    byId('r-stats').replaceChildren();
  }
}

async function createRequest(event) {
  event.preventDefault();
  clearError(byId('r-error'), form);
  // What "Open an answer" said was about the previous request.
  clearError(answerError, answerForm);
  result.hidden = true;
  const options = numbers(values(form), ['secretExpirationHours', 'requestExpirationHours', 'maximumViews']);
  try {
    const r = await busy(form.querySelector('button[type="submit"]'), () => Sharokey.createRequest(options));
    inboxes.set(r.token, r.inbox_url);
    byId('r-url').value = r.url;
    byId('r-url-open').href = r.url;
    byId('r-inbox').value = r.inbox_url;
    byId('r-key').value = r.public_key;
    byId('r-copied').textContent = '';
    result.dataset.token = r.token;
    result.hidden = false;
    result.focus();
    form.reset();
    loadList();
    loadStats();
  } catch (error) {
    showError(byId('r-error'), error, { form });
  }
}

async function openAnswer() {
  clearError(answerError, answerForm);
  const box = byId('r-answer');
  box.hidden = true;
  const from = document.activeElement;
  try {
    const opened = await busy(answerForm.querySelector('button[type="submit"]'), () => Sharokey.openRequest(answerForm.elements.inboxUrl.value.trim()));
    showRevealed(box, opened, 'r-answer', `The answer to “${opened.request.message || opened.request.description || opened.request.token}”`);
  } catch (error) {
    showError(answerError, error, { form: answerForm, recipient: true });
    // Asked from the created request or a row of the list, the words are further down the page:
    // the focus goes to them (and so they come into view), unless it was moved meanwhile.
    if (!answerForm.contains(from) && (document.activeElement === from || lostFocus())) {
      answerError.tabIndex = -1;
      answerError.focus();
    }
  }
}

/** Opens the answer of `token` when this tab knows its private link; otherwise asks for it. */
function openFor(token) {
  const link = inboxes.get(token);
  const field = answerForm.elements.inboxUrl;
  if (!link) {
    clearError(answerError, answerForm);
    field.value = '';
    field.focus();
    answerError.replaceChildren(el('p', {}, el('strong', {}, 'Paste the private link of this request.'),
      ' It was shown once, when the request was created; this page does not keep it after a reload.'));
    answerError.hidden = false;
    return;
  }
  field.value = link;
  openAnswer();
}

function row(r) {
  const name = r.message || r.description || r.token;
  return el('tr', {},
    el('td', {}, r.message || r.description || el('span', { class: 'muted' }, '(no message)')),
    el('td', {}, el('code', {}, r.token.length > 12 ? `${r.token.slice(0, 10)}…` : r.token)),
    el('td', {}, badge(r.status)),
    el('td', {}, r.email_to || '—'),
    el('td', {}, when(r.expiration)),
    el('td', { class: 'row-actions' },
      el('button', { type: 'button', 'aria-label': `Details of ${name}`, onclick: (e) => showDetails(r.token, e.currentTarget) }, 'Details'),
      r.status === 'completed' && el('button', { type: 'button', 'aria-label': `Open answer to ${name}`, onclick: () => openFor(r.token) }, 'Open answer'),
      r.status !== 'expired' && el('button', { type: 'button', class: 'danger', 'aria-label': `Delete ${name}`, onclick: (e) => remove(r, e.currentTarget) }, 'Delete')));
}

async function loadList() {
  clearError(listError);
  const f = numbers(values(filters), ['limit']);
  byId('r-summary').textContent = 'Loading…';
  try {
    const { items, pagination } = await Sharokey.listRequests({ ...f, page });
    tbody.replaceChildren(...items.map(row));
    if (!items.length) tbody.append(el('tr', {}, el('td', { colspan: 6, class: 'muted' }, f.search || f.status ? 'No request matches these filters.' : 'No request yet.')));
    byId('r-summary').textContent = `${count(pagination?.total ?? items.length, 'request')} found.`;
    pager({ prev: byId('r-prev'), next: byId('r-next'), label: byId('r-page') }, pagination);
  } catch (error) {
    byId('r-summary').textContent = '';
    tbody.replaceChildren();
    byId('r-prev').parentElement.hidden = true;
    showError(listError, error);
  }
}

async function showDetails(token, button) {
  clearError(listError);
  try {
    const r = await busy(button, () => Sharokey.getRequest(token));
    byId('r-details-title').textContent = `Request ${r.token}`;
    facts(details.querySelector('dl'), [
      ['Status', r.status === 'completed' ? 'answered' : r.status],
      ['Message', r.message],
      ['Description', r.description],
      ['Asked of', r.email_to],
      ['Replies to', r.email_reply],
      ['Language', r.locale],
      ['Created', when(r.created_at)],
      ['Open until', when(r.expiration)],
      ['Answer kept for', r.secret_expiration_hours && `${r.secret_expiration_hours} hours`],
      ['Answer can be read', r.maximum_views && count(r.maximum_views, 'time')],
      ['Responder link', r.url],
      ['Answer (secret slug)', r.secret_slug],
      ['Private link known to this tab', inboxes.has(r.token) ? 'yes' : 'no'],
    ]);
    details.hidden = false;
    details.focus();
  } catch (error) {
    showError(listError, error);
  }
}

async function remove(r, button) {
  const yes = await confirm({
    title: 'Close this request?',
    text: `“${r.message || r.description || r.token}” will be closed now: its link stops working${r.status === 'completed' ? ' and its answer can no longer be opened from it' : ''}. This cannot be undone.`,
    action: 'Close the request',
  });
  if (!yes) return button.focus();
  try {
    await busy(button, () => Sharokey.deleteRequest(r.token));
    details.hidden = true;
    await Promise.all([loadList(), loadStats()]);
    byId('r-summary').textContent = `Request deleted. ${byId('r-summary').textContent}`;
    byId('r-summary').focus();
  } catch (error) {
    showError(listError, error);
  }
}

export function init() {
  form.addEventListener('submit', createRequest);
  answerForm.addEventListener('submit', (event) => {
    event.preventDefault();
    openAnswer();
  });
  byId('r-open-answer').addEventListener('click', () => openFor(result.dataset.token));
  byId('r-url-copy').addEventListener('click', () => copy(byId('r-url').value, byId('r-copied'), byId('r-url'), 'the link for the person you ask'));
  byId('r-inbox-copy').addEventListener('click', () => copy(byId('r-inbox').value, byId('r-copied'), byId('r-inbox'), 'your private link'));
  byId('r-key-copy').addEventListener('click', () => copy(byId('r-key').value, byId('r-copied'), byId('r-key'), "the request's key"));
  filters.addEventListener('submit', (event) => {
    event.preventDefault();
    page = 1;
    show(); // the counts may have moved too (an answer arrived)
  });
  byId('r-prev').addEventListener('click', () => { page--; loadList(); });
  byId('r-next').addEventListener('click', () => { page++; loadList(); });
  byId('r-details-close').addEventListener('click', () => { details.hidden = true; });
}

export function show() {
  loadStats();
  loadList();
}
