// Diagnostics: health(), the six checks of test(), and testConnection().
import { busy, byId, el, facts } from '../lib/dom.js';
import { clearError, showError } from '../lib/errors.js';

const status = byId('d-status');
const errorBox = byId('d-error');
const checks = byId('d-checks');

function showConfig() {
  const c = Sharokey.getConfig();
  facts(byId('d-config'), [
    ['Library version', Sharokey.version],
    ['API URL', c.apiUrl],
    ['Token', c.hasToken ? 'set (kept in this tab only)' : 'none'],
    ['Company', c.company],
    ['Timeout', `${c.timeout / 1000} s, ${c.retries} retries`],
  ]);
}

async function health(button) {
  clearError(errorBox);
  try {
    const h = await busy(button, () => Sharokey.health());
    status.textContent = `The server answers: status “${h.status}”, version ${h.version}.`;
  } catch (error) {
    status.textContent = '';
    showError(errorBox, error);
  }
}

/** How each state of a check looks. */
const LOOK = { passed: { class: 'pass', mark: '✓' }, failed: { class: 'fail', mark: '✗' }, skipped: { class: 'skipped', mark: '–' } };

async function runChecks(button) {
  clearError(errorBox);
  checks.replaceChildren();
  status.textContent = 'Running the checks…';
  const report = await busy(button, () => Sharokey.test()); // never rejects
  // A check that did not run (an earlier one failed) is shown as skipped, not as failed.
  const rows = report.details.map((d) => ({ ...d, state: d.success ? 'passed' : /^Skipped/.test(d.message) ? 'skipped' : 'failed' }));
  checks.replaceChildren(...rows.map((d) => el('li', { class: LOOK[d.state].class },
    el('span', { class: 'mark', 'aria-hidden': 'true' }, LOOK[d.state].mark),
    el('strong', {}, d.name), ` — ${d.state}: `, d.message.replace(/^Skipped: /, ''))));
  const skipped = rows.filter((d) => d.state === 'skipped').length;
  status.textContent = `${report.passed} of ${report.total} checks passed${skipped ? `, ${skipped} skipped` : ''}.${report.success ? ' Everything works.' : ' See what failed below.'}`;
}

async function connection(button) {
  clearError(errorBox);
  const ok = await busy(button, () => Sharokey.testConnection()); // never rejects
  status.textContent = ok ? 'Connection test: the server answers and accepts the token.' : 'Connection test failed: run the six checks to see why.';
}

export function init() {
  byId('d-health').addEventListener('click', (e) => health(e.currentTarget));
  byId('d-test').addEventListener('click', (e) => runChecks(e.currentTarget));
  byId('d-connection').addEventListener('click', (e) => connection(e.currentTarget));
}

export const show = showConfig;
