// The recipient's page (/s/{slug}): shows what the secret needs, and opens it
// only when the person clicks, so a link preview never uses up a view.
(() => {
  'use strict';
  const { $, say, show, shown, lastSegment, settle, focusFree } = window.SharokeyPage;
  const api = `${location.origin}/api/v1`;
  const slug = lastSegment();
  let info = null;

  // This page is the mock's: it can say how the mock decides, which a person on this machine needs.
  const outside = () => say('This secret cannot be opened from your network or country. (This mock server takes the address from X-Forwarded-For and the country from CF-IPCountry, the header a CDN sets; a browser on this machine sends no country, so a secret limited to countries does not open here.)', 'error');

  const gone = () => {
    $('gate').hidden = true;
    say('This secret does not exist or is no longer available: it expired, was deleted, or has been viewed as many times as allowed.', 'error');
  };


  function explain(error) {
    const code = error && error.code;
    const name = error && error.name;
    if (code === 'PASSWORD_REQUIRED' || code === 'INVALID_PASSWORD') {
      if (focusFree($('reveal'))) $('password').focus();
      return say('Wrong password. Try again.', 'error');
    }
    if (code === 'OTP_REQUIRED') return say('This secret needs a one-time code: click "Send me a code", then enter it.', 'error');
    if (code === 'INVALID_OTP') return say('Wrong or expired code. Ask for a new one.', 'error');
    if (code === 'CAPTCHA_REQUIRED') return say('Tick "I am not a robot" first.', 'error');
    if (name === 'NotFoundError' || code === 'NOT_FOUND') return gone();
    // A ValidationError about the link (its key was cut or changed) is a damaged key too; one about
    // the password (too long) or from the server is said as it is, and the form stays.
    if (name === 'CryptoError' || (name === 'ValidationError' && error.details && Object.hasOwn(error.details, 'shareUrl'))) {
      $('gate').hidden = true;
      return say('The key in this link is wrong or damaged, so the secret cannot be decrypted. Ask the sender for the full link.', 'error');
    }
    if (code === 'PERMISSION_DENIED') return outside();
    if (name === 'RateLimitError') return say(`Too many attempts. Wait ${error.retryAfter || 60} seconds and try again.`, 'error');
    return say(`The secret could not be opened: ${(error && error.message) || error}`, 'error');
  }

  async function reveal(event) {
    event.preventDefault();
    const options = {};
    if (info.requires_password) {
      if (!$('password').value) {
        $('password').focus();
        return say('Enter the password first.', 'error');
      }
      options.password = $('password').value;
    }
    if (info.otp_type && $('otp').value.trim()) options.otp = $('otp').value.trim();
    // The mock accepts any non-empty captcha token; unticked sends none (CAPTCHA_REQUIRED).
    if (info.captcha && $('captcha').checked) options.captchaToken = `mock-captcha-${Date.now()}`;
    $('reveal').disabled = true;
    say('Opening…');
    try {
      show(await Sharokey.reveal(location.href, options), 'gate', 'Here is your secret. This view is used: copy what you need now.');
      // The key leaves the address bar and this back/forward entry (the browser's history has recorded the visit already: README, "The security model").
      history.replaceState(null, '', location.pathname + location.search);
    } catch (error) {
      explain(error);
    } finally {
      $('reveal').disabled = false;
      settle($('reveal'));
    }
  }

  async function sendCode() {
    $('send-code').disabled = true;
    try {
      const sent = await Sharokey.sendOtp(location.href);
      const outbox = document.createElement('a');
      outbox.href = '/_mock/outbox';
      outbox.textContent = 'its outbox';
      // The mock mails nothing.
      $('otp-sent').replaceChildren(`Code sent to ${sent.to}. This mock server sends no mail: the code is in `, outbox, '.');
    } catch (error) {
      if (error.name === 'NotFoundError') return gone();
      say(`The code could not be sent: ${error.message}`, 'error');
    } finally {
      $('send-code').disabled = false;
      settle($('send-code'));
    }
  }

  async function start() {
    if (!window.Sharokey) return say('The Sharokey script (/sharokey.min.js) did not load.', 'error');
    Sharokey.config({ apiUrl: api });
    if (location.hash.length <= 1) {
      return say('This link is incomplete: the key after "#" is missing. Ask the sender for the full link. (If you opened the secret on this page, its key left the address then, and that view is used.)', 'error');
    }
    let answer;
    try {
      answer = await fetch(`${api}/public/secrets/${encodeURIComponent(slug)}`);
    } catch {
      return say('The server cannot be reached. Try again later.', 'error');
    }
    if (answer.status === 404) return gone();
    const body = await answer.json().catch(() => null);
    if (body && body.error && body.error.code === 'PERMISSION_DENIED') return outside();
    if (!body || !body.success) return say(`The server answered with an error (HTTP ${answer.status}). Try again later.`, 'error');
    info = body.data;
    if (info.message) {
      $('message').textContent = shown(info.message);
      $('message').hidden = false;
    }
    $('password-row').hidden = !info.requires_password;
    $('otp-row').hidden = !info.otp_type;
    $('captcha-row').hidden = !info.captcha;
    $('gate').hidden = false;
    const n = Array.isArray(info.attachments) ? info.attachments.length : 0;
    const files = n ? ` and ${n} file${n === 1 ? '' : 's'}` : '';
    say(`Someone shared a secret${files} with you.`);
  }

  $('gate').addEventListener('submit', reveal);
  $('send-code').addEventListener('click', sendCode);
  start();
})();
