// The requester's inbox (/i/{token}#privateKey): the link that createRequest()
// returns as `inbox_url`. Asks for the requester's API token (kept in this
// tab's sessionStorage only) and, on a click, opens the answer with
// Sharokey.openRequest(location.href): the private key never leaves the page.
(() => {
  'use strict';
  const { $, say, show, settle, fix, fixed } = window.SharokeyPage;
  const STORE = 'sharokey-inbox.token';

  function explain(error) {
    const code = error && error.code;
    const name = error && error.name;
    if (code === 'REQUEST_PENDING') return say('Nobody has answered this request yet. Come back once the person you asked has sent the secret.', 'error');
    if (code === 'REQUEST_CLOSED') {
      $('form').hidden = true;
      return say('This request is closed without an answer to open: it expired or was cancelled first. Make a new request.', 'error');
    }
    if (name === 'AuthenticationError') return say('This token was refused. Check it: it may be mistyped, revoked or expired.', 'error');
    if (name === 'PermissionError') return say('This token cannot read requests: use a token of your company with the "read" permission.', 'error');
    if (name === 'NotFoundError') {
      $('form').hidden = true;
      return say('This request or its answer is no longer available: it was cancelled, it expired, or the answer was already read as many times as allowed.', 'error');
    }
    if (name === 'CryptoError' || name === 'ValidationError') {
      $('form').hidden = true;
      return say('The key in this link is wrong or incomplete, so the answer cannot be decrypted. Use the whole link, including the part after "#".', 'error');
    }
    if (name === 'RateLimitError') return say(`Too many attempts. Wait ${error.retryAfter || 60} seconds and try again.`, 'error');
    return say(`The answer could not be opened: ${(error && error.message) || error}`, 'error');
  }

  async function open(event) {
    event.preventDefault();
    const token = $('token').value.trim();
    fixed('token');
    if (!token) return fix('token', 'Enter your API token first.');
    sessionStorage.setItem(STORE, token);
    $('open').disabled = true;
    say('Opening…');
    try {
      Sharokey.config({ apiUrl: `${location.origin}/api/v1`, token });
      // The answer's message is written by whoever answered (answers are not authenticated:
      // docs/requests.md), never by this page: said so, so that it cannot pass for a notice of ours.
      show(await Sharokey.openRequest(location.href), 'form', 'Here is the answer. This view is used: copy what you need now.', 'Written by whoever answered (not checked by anyone): ');
      // The private key leaves the address bar and this page's history entry, as the viewer's keyB does.
      // (Its state says so: a reload then tells why the key is missing.)
      history.replaceState({ opened: true }, '', location.pathname + location.search);
    } catch (error) {
      explain(error);
    } finally {
      $('open').disabled = false;
      settle($('open'));
    }
  }

  function start() {
    if (!window.Sharokey) return say('The Sharokey script (/sharokey.min.js) did not load.', 'error');
    if (location.hash.length <= 1) {
      if (history.state && history.state.opened) return say('The answer was opened on this page, and its key taken out of the address. To open it again, if it has views left, use your saved private link.', 'error');
      return say('This link is incomplete: the key after "#" is missing. Use the whole private link of your request.', 'error');
    }
    $('token').value = sessionStorage.getItem(STORE) || '';
    $('form').hidden = false;
    say('Someone may have answered your request. Enter your API token to open it.');
  }

  $('form').addEventListener('submit', open);
  // A whole link typed or pasted over this page's address changes only its fragment: no load.
  addEventListener('hashchange', () => location.reload());
  start();
})();
