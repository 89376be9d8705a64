// The responder's page (/r/{token}): shows what is asked, and on click
// encrypts the typed secret in this browser and sends it (Sharokey.respond).
(() => {
  'use strict';
  const { $, say, shown, lastSegment, settle, focusFree, fix, fixed } = window.SharokeyPage;
  const api = `${location.origin}/api/v1`;
  const token = lastSegment();

  const closed = () => {
    $('form').hidden = true;
    say('This request is no longer open: it was already answered, has expired, or was cancelled.', 'error');
  };

  const noKey = () => {
    $('form').hidden = true;
    say('This request has no public key, so an answer could not be encrypted for the requester alone. Ask them for a new request.', 'error');
  };

  async function send(event) {
    event.preventDefault();
    const content = $('content').value;
    // A key copied from a mail may come broken over lines: its spaces are not the key's.
    const key = $('key').value.replace(/\s+/g, '');
    fixed('content', 'key');
    if (!content) return fix('content', 'Type the secret first.');
    // The 88 characters createRequest() gave (docs/requests.md): a typo is told as one, not as a changed request.
    if (key && !/^[A-Za-z0-9+/]{87}=$/.test(key)) return fix('key', 'This is not a whole key: paste it again, exactly as the requester gave it (88 characters). Or leave the field empty.');
    $('send').disabled = true;
    say('Encrypting and sending…');
    try {
      await Sharokey.respond(location.href, content, { publicKey: key || undefined });
      $('form').hidden = true;
      $('content').value = '';
      say('Sent. The requester can now open it; you can close this page.', 'ok');
    } catch (error) {
      if (error && error.code === 'NO_PUBLIC_KEY') return noKey();
      if (error && error.code === 'KEY_MISMATCH') return fix('key', 'This request does not carry the key you were given, so nothing was sent. Check the key with the requester; if it is right, the request was changed on its way: ask them for a new one.', focusFree($('send')));
      if (error && (error.name === 'NotFoundError' || error.code === 'NOT_FOUND')) return closed();
      say(`It could not be sent: ${(error && error.message) || error}`, 'error');
    } finally {
      $('send').disabled = false;
      settle($('send'));
    }
  }

  async function start() {
    if (!window.Sharokey) return say('The Sharokey script (/sharokey.min.js) did not load.', 'error');
    Sharokey.config({ apiUrl: api });
    let answer;
    try {
      answer = await fetch(`${api}/public/requests/${encodeURIComponent(token)}`);
    } catch {
      return say('The server cannot be reached. Try again later.', 'error');
    }
    if (answer.status === 404) return closed();
    const body = await answer.json().catch(() => null);
    if (!body || !body.success) return say(`The server answered with an error (HTTP ${answer.status}). Try again later.`, 'error');
    const request = body.data;
    const asked = request.message;
    if (asked) {
      $('message').textContent = `The requester's message: ${shown(asked)}`;
      $('message').hidden = false;
    }
    if (!request.public_key) return noKey();
    const views = request.maximum_views === 1 ? 'once' : `${request.maximum_views} times`;
    $('limits').textContent = `The requester will be able to read it ${views}, within ${request.secret_expiration_hours} hours.`;
    $('form').hidden = false;
    say('Someone asks you for a secret.');
  }

  $('form').addEventListener('submit', send);
  start();
})();
