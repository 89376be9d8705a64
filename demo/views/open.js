// Open a link: reveal() a share URL as its recipient would, with an optional
// password, one-time code or captcha; shows the content and the files.
import { busy, byId, el, values } from '../lib/dom.js';
import { clearError, showError } from '../lib/errors.js';
import { showRevealed } from '../lib/revealed.js';

const form = byId('o-form');
const errorBox = byId('o-error');
const box = byId('o-result');

async function reveal(event) {
  event.preventDefault();
  clearError(errorBox, form);
  box.hidden = true;
  const { shareUrl = '', password, otp, captcha } = values(form);
  // A real page would pass the token of its captcha widget here.
  const captchaToken = captcha ? 'demo-captcha-solved' : undefined;
  try {
    const revealed = await busy(form.querySelector('button[type="submit"]'), () => Sharokey.reveal(shareUrl, { password, otp, captchaToken }));
    showRevealed(box, revealed, 'o');
    form.reset();
  } catch (error) {
    showError(errorBox, error, { form, recipient: true });
  }
}

// Sharokey.sendOtp(): the server sends the secret's one-time code to its receiver.
async function sendCode(event) {
  clearError(errorBox, form);
  const sent = byId('o-code-sent');
  sent.textContent = '';
  try {
    const answer = await busy(event.currentTarget, () => Sharokey.sendOtp(values(form).shareUrl ?? ''));
    sent.textContent = answer?.to ? `Code sent to ${answer.to}. ` : 'Code sent. ';
    // The mock mails nothing: it keeps the code in its outbox, beside its API.
    const outbox = new URL('/_mock/outbox', Sharokey.getConfig().apiUrl).href;
    sent.append('With the mock server no mail goes out: the code is in ', el('a', { href: outbox, target: '_blank', rel: 'noopener' }, 'its outbox'), '.');
  } catch (error) {
    showError(errorBox, error, { form, recipient: true });
  }
}

export function init() {
  form.addEventListener('submit', reveal);
  byId('o-send-code').addEventListener('click', sendCode);
}

export function show() {}
