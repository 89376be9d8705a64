// Statistics: getStats({ from, to }) as cards and charts, the insights and
// recommendations of analyzeStats(), and the token usage of getTokenStats().
import { busy, byId, el, percent, values, when } from '../lib/dom.js';
import { clearError, showError } from '../lib/errors.js';
import { bars, ring } from '../lib/charts.js';

const range = byId('st-range');
const errorBox = byId('st-error');
const tokensError = byId('st-tokens-error');

const card = (label, value) => el('div', { class: 'card' }, el('span', { class: 'card-value' }, String(value)), el('span', { class: 'card-label' }, label));

const ACTIVITY = { high: 'High: more than 10 secrets today or 50 this week', normal: 'Normal' };
const RETENTION = {
  high: 'High (over 20 % still active): recent use, or long lifetimes',
  moderate: 'Moderate (5 to 20 % still active)',
  low: 'Low (under 5 % still active): short-lived secrets, a careful posture',
};

function showStats(s) {
  byId('st-cards').replaceChildren(
    card('secrets in all', s.total_secrets),
    card('active', s.active_secrets),
    card('expired', s.expired_secrets),
    card('views', s.total_views),
    card('with a password', s.secrets_with_password));
  const a = Sharokey.analyzeStats(s);
  byId('st-charts').replaceChildren(
    ring('Active and expired', [
      { label: 'Active', value: s.active_secrets, cls: 'active' },
      { label: 'Expired', value: s.expired_secrets, cls: 'expired' },
    ], String(s.total_secrets)),
    bars('Secrets created', [
      { label: 'Last 24 h', value: s.secrets_created_today },
      { label: '7 days', value: s.secrets_created_this_week },
      { label: '30 days', value: s.secrets_created_this_month },
    ]),
    ring('Password protection', [
      { label: 'With a password', value: s.secrets_with_password, cls: 'password' },
      { label: 'Without', value: s.total_secrets - s.secrets_with_password, cls: 'rest' },
    ], percent(a.passwordProtectionRate).replace(' ', '')));
  const dl = byId('st-insights');
  dl.replaceChildren(...[
    ['Password protection rate', percent(a.passwordProtectionRate)],
    ['Views per secret', a.viewEfficiency == null ? 'n/a' : a.viewEfficiency.toFixed(2)],
    ['Expiration rate', percent(a.expirationRate)],
    ['Active rate', percent(a.activeRate)],
    ['Activity', ACTIVITY[a.activityLevel]],
    ['Retention', a.retention ? RETENTION[a.retention] : 'n/a'],
    ['Retention health', a.retentionHealth === 'good' ? 'Good' : a.retentionHealth === 'review' ? 'Worth a review' : 'n/a'],
  ].flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, v)]));
  byId('st-advice').replaceChildren(...(a.recommendations.length
    ? a.recommendations.map((r) => el('li', {}, r))
    : [el('li', { class: 'muted' }, s.total_secrets ? 'Nothing to change: the numbers are within the recommended ranges.' : 'No secret in this range yet.')]));
}

function showTokens(t) {
  byId('st-token-cards').replaceChildren(
    card('tokens', t.total_tokens),
    card('active', t.active_tokens),
    card('revoked', t.revoked_tokens),
    card('requests', t.total_requests),
    card('rate-limited', t.rate_limited_requests),
    card('errors', t.error_requests));
  byId('st-tokens').tBodies[0].replaceChildren(...t.tokens.map((u) => el('tr', {},
    el('td', {}, u.user),
    el('td', {}, el('code', {}, `…${u.hint}`)),
    el('td', {}, u.scopes.join(', ')),
    el('td', {}, String(u.requests ?? u.request_count ?? '')),
    el('td', {}, when(u.last_used_at)),
    el('td', {}, u.revoked ? 'revoked' : u.expires_at && new Date(u.expires_at) < new Date() ? 'expired' : 'active'))));
}

async function load() {
  clearError(errorBox, range);
  clearError(tokensError);
  const { from, to } = values(range);
  byId('st-summary').textContent = 'Loading…';
  try {
    showStats(await Sharokey.getStats({ from, to }));
    byId('st-summary').textContent = from || to ? `Secrets created ${from ? `from ${from}` : ''} ${to ? `up to ${to}` : 'up to now'}.` : 'All time.';
  } catch (error) {
    byId('st-summary').textContent = '';
    showError(errorBox, error, { form: range });
  }
  try {
    showTokens(await Sharokey.getTokenStats());
  } catch (error) {
    showError(tokensError, error);
  }
}

export function init() {
  range.addEventListener('submit', (event) => {
    event.preventDefault();
    busy(range.querySelector('button[type="submit"]'), load);
  });
  byId('st-all').addEventListener('click', () => {
    range.reset();
    load();
  });
}

export const show = load;
