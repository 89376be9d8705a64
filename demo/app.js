// The demo console: settings, then one view per area of the library, shown
// as tabs (ARIA tabs pattern: arrow keys move between them). Each view
// module exports `init()` (wire its markup once) and `show()` (load data).
import { byId } from './lib/dom.js';
import { initSettings } from './lib/settings.js';
import * as create from './views/create.js';
import * as secrets from './views/secrets.js';
import * as stats from './views/stats.js';
import * as requests from './views/requests.js';
import * as open from './views/open.js';
import * as diagnostics from './views/diagnostics.js';

const VIEWS = { create, secrets, stats, requests, open, diagnostics };
const tabs = [...document.querySelectorAll('[role="tab"]')];
let current = null;

function select(name, { focus = false } = {}) {
  if (!Object.hasOwn(VIEWS, name)) name = 'create'; // own: #constructor is no view
  for (const tab of tabs) {
    const on = tab.id === `tab-${name}`;
    tab.setAttribute('aria-selected', String(on));
    tab.tabIndex = on ? 0 : -1;
    byId(tab.getAttribute('aria-controls')).hidden = !on;
    if (on && focus) tab.focus();
  }
  current = name;
  history.replaceState(null, '', `#${name}`);
  VIEWS[name].show();
}

function onKey(event) {
  const i = tabs.indexOf(event.target);
  const next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 }[event.key];
  if (next === undefined) return;
  event.preventDefault();
  select(tabs[(next + tabs.length) % tabs.length].id.slice(4), { focus: true });
}

if (!window.Sharokey) {
  byId('set-status').textContent = 'The Sharokey script (dist/sharokey.min.js) did not load. Run npm run build, then reload.';
} else {
  byId('version').textContent = `Library v${Sharokey.version}.`;
  initSettings(() => current && VIEWS[current].show());
  for (const view of Object.values(VIEWS)) view.init({ select });
  for (const tab of tabs) {
    tab.addEventListener('click', () => select(tab.id.slice(4)));
    tab.addEventListener('keydown', onKey);
  }
  select(location.hash.slice(1));
  // The skip link puts the focus on the console's first stop, the tab of the view shown, by
  // focus alone: no "#views" in the address, no history entry.
  document.querySelector('a.skip')?.addEventListener('click', (event) => {
    event.preventDefault();
    tabs.find((tab) => tab.tabIndex === 0)?.focus();
  });
  // A link to another view of this page (#secrets) shows it; another anchor (#views, a typed #x) is
  // no view: the address goes back to the view shown, so that a reload or a copied address opens it.
  window.addEventListener('hashchange', () => {
    const name = location.hash.slice(1);
    if (!Object.hasOwn(VIEWS, name)) history.replaceState(null, '', `#${current}`);
    else if (name !== current) select(name);
  });
}
