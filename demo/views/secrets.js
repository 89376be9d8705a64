// Secrets: list() with a status filter, search and pages, getDetails() in a
// panel, and delete() after a confirmation.
import { badge, busy, byId, count, el, facts, numbers, values, when } from '../lib/dom.js';
import { clearError, showError } from '../lib/errors.js';
import { confirm } from '../lib/confirm.js';
import { pager } from '../lib/pager.js';

const filters = byId('s-filters');
const errorBox = byId('s-error');
const tbody = byId('s-table').tBodies[0];
const details = byId('s-details');
let page = 1;

const protection = (s) => [s.has_password && 'password', s.captcha && 'captcha', s.otp_type && `code by ${s.otp_type}`].filter(Boolean).join(', ') || 'none';

function row(s) {
  const name = s.description || s.slug;
  return el('tr', {},
    el('td', {}, s.description || el('span', { class: 'muted' }, '(no description)')),
    el('td', {}, el('code', {}, s.slug)),
    el('td', {}, badge(s.status ?? (s.is_expired ? 'expired' : 'active')), s.current_views >= s.maximum_views ? el('span', { class: 'muted' }, ' (views used)') : null),
    el('td', {}, `${s.current_views} / ${s.maximum_views}`),
    el('td', {}, s.has_password ? 'yes' : '—'),
    el('td', {}, s.attachments_count ? String(s.attachments_count) : '—'),
    el('td', {}, when(s.expiration)),
    el('td', { class: 'row-actions' },
      el('button', { type: 'button', 'aria-label': `Details of ${name}`, onclick: (e) => showDetails(s.slug, e.currentTarget) }, 'Details'),
      s.status !== 'expired' && el('button', { type: 'button', class: 'danger', 'aria-label': `Delete ${name}`, onclick: (e) => remove(s, e.currentTarget) }, 'Delete')));
}

async function load() {
  clearError(errorBox);
  const f = numbers(values(filters), ['limit']);
  byId('s-summary').textContent = 'Loading…';
  try {
    const { items, pagination } = await Sharokey.list({ ...f, page });
    tbody.replaceChildren(...items.map(row));
    if (!items.length) tbody.append(el('tr', {}, el('td', { colspan: 8, class: 'muted' }, f.search || f.status ? 'No secret matches these filters.' : 'No secret yet: create one in the Create tab.')));
    byId('s-summary').textContent = `${count(pagination?.total ?? items.length, 'secret')} found.`;
    pager({ prev: byId('s-prev'), next: byId('s-next'), label: byId('s-page') }, pagination);
  } catch (error) {
    byId('s-summary').textContent = '';
    tbody.replaceChildren();
    byId('s-prev').parentElement.hidden = true;
    showError(errorBox, error);
  }
}

/** The Details button whose secret is shown: the focus goes back to it when the details close. */
let opener = null;

async function showDetails(slug, button) {
  clearError(errorBox);
  opener = button;
  try {
    const d = await busy(button, () => Sharokey.getDetails(slug));
    byId('s-details-title').textContent = `Secret ${d.slug}`;
    facts(details.querySelector('dl'), [
      ['Description', d.description],
      ['Message to the recipient', d.message],
      ['Status', d.status],
      ['Created by', d.creator],
      ['Created', when(d.created_at)],
      ['Expires', when(d.expiration)],
      ['Views', `${d.current_views} of ${d.maximum_views}`],
      ['Protection', protection(d)],
      ['Allowed IP addresses', d.ip_whitelist],
      ['Allowed countries', d.geolocation],
      ['Attachments', d.attachments?.length ? d.attachments.map((a) => a.name).join(', ') : null],
      ['Access URL (without the key)', d.access_url],
    ]);
    details.hidden = false;
    details.focus();
  } catch (error) {
    showError(errorBox, error);
  }
}

async function remove(s, button) {
  const yes = await confirm({
    title: `Delete secret ${s.slug}?`,
    text: `“${s.description || s.slug}” will be erased now and its link will stop working. This cannot be undone.`,
    action: 'Delete the secret',
  });
  if (!yes) return button.focus();
  try {
    await busy(button, () => Sharokey.delete(s.slug));
    byId('s-summary').textContent = `Secret ${s.slug} deleted.`;
    details.hidden = true;
    await load();
    byId('s-summary').textContent = `Secret ${s.slug} deleted. ${byId('s-summary').textContent}`;
    // Its row (and button) is gone: the keyboard goes on from what was done, not from the page's top.
    byId('s-summary').focus();
  } catch (error) {
    showError(errorBox, error);
  }
}

export function init() {
  filters.addEventListener('submit', (event) => {
    event.preventDefault();
    page = 1;
    load();
  });
  byId('s-prev').addEventListener('click', () => { page--; load(); });
  byId('s-next').addEventListener('click', () => { page++; load(); });
  byId('s-details-close').addEventListener('click', () => {
    details.hidden = true;
    (opener?.isConnected ? opener : byId('s-summary')).focus();
  });
}

export const show = load;
