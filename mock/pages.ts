/**
 * The HTML pages the mock serves at its origin root: the recipient's viewer
 * (`/s/{slug}`), the responder's page (`/r/{token}`), the requester's inbox
 * (`/i/{token}#privateKey`), their scripts, and
 * the built library (`/sharokey.min.js`, read from dist/ at request time).
 * The pages are static: no request data is written into them, and a strict
 * CSP forbids inline scripts.
 */
import { readFileSync } from 'node:fs';
import { ApiError, type Reply } from './http.ts';
import { projectPath } from './paths.ts';

const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "connect-src 'self'",
  "style-src 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const PAGE_HEADERS = {
  'Content-Type': 'text/html; charset=utf-8',
  'Content-Security-Policy': CSP,
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
};

const STYLE = `
  [hidden] { display: none !important; }
  body { font: 16px/1.5 system-ui, sans-serif; margin: 0; background: #f5f6f8; color: #1d2330; }
  main { max-width: 40rem; margin: 3rem auto; padding: 1.5rem 2rem; background: #fff; border-radius: 8px; box-shadow: 0 1px 4px #0002; }
  h1 { font-size: 1.4rem; margin-top: 0; }
  label { display: block; margin: .75rem 0; }
  input[type=password], input[type=text], textarea { width: 100%; box-sizing: border-box; padding: .5rem; font: inherit; }
  textarea { min-height: 8rem; font-family: ui-monospace, monospace; }
  button { font: inherit; padding: .5rem 1rem; margin: .25rem .5rem .25rem 0; cursor: pointer; }
  .error { color: #a11; } .ok { color: #165c26; }
  .note { background: #f0f3fa; padding: .5rem .75rem; border-radius: 4px; white-space: pre-wrap; }
`;

function page(title: string, body: string, script: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${title}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
<script src="/sharokey.min.js"></script>
<script src="/page.js"></script>
<script src="${script}"></script>
</body>
</html>
`;
}

const VIEWER = page('A secret for you', `
<h1>A secret for you</h1>
<p id="status" role="status">Loading…</p>
<p id="message" class="note" hidden></p>
<form id="gate" method="dialog" hidden>
  <label id="password-row" hidden>Password <input id="password" type="password" autocomplete="off"></label>
  <div id="otp-row" hidden>
    <label>One-time code <input id="otp" type="text" inputmode="numeric" autocomplete="one-time-code"></label>
    <button type="button" id="send-code">Send me a code</button> <span id="otp-sent"></span>
  </div>
  <label id="captcha-row" hidden><input id="captcha" type="checkbox"> I am not a robot</label>
  <button type="submit" id="reveal">Reveal the secret</button>
  <p>Revealing it uses one of its views.</p>
</form>
<section id="result" hidden>
  <label for="content">The secret</label>
  <textarea id="content" readonly autocomplete="off"></textarea>
  <button type="button" id="copy">Copy</button> <span id="copied" role="status"></span>
  <ul id="files"></ul>
</section>`, '/viewer.js');

const RESPONDER = page('Send a secret', `
<h1>Send a secret</h1>
<p id="status" role="status">Loading…</p>
<p id="message" class="note" hidden></p>
<form id="form" method="dialog" hidden>
  <p id="limits"></p>
  <label>Your secret <textarea id="content" aria-label="Your secret" autocomplete="off"></textarea></label>
  <label>The requester's key, if they gave it to you another way (optional)
    <input id="key" type="text" autocomplete="off" spellcheck="false" aria-describedby="key-help"></label>
  <p id="key-help">With it, nothing is sent unless this request carries exactly that key: the answer is then sealed for the requester alone, even if the server changed the request.</p>
  <button type="submit" id="send">Encrypt and send</button>
  <p>It is encrypted in this browser before it leaves. The server never sees it, as long as this request carries the requester's real key: give that key above to be sure.</p>
</form>`, '/responder.js');

const INBOX = page('The answer to your request', `
<h1>The answer to your request</h1>
<p id="status" role="status">Loading…</p>
<p class="note" id="warning"><strong>This link is private.</strong> The part after "#" is the key of your request:
whoever has it and an API token of your company can read the answer. Browsers never send it to a server, and this page takes it out of the address once the answer is open.</p>
<form id="form" method="dialog" hidden>
  <label>Your API token <input id="token" type="password" autocomplete="off" aria-describedby="token-help"></label>
  <p id="token-help">Needed to fetch the request. It stays in this tab only and is sent only to this server.</p>
  <button type="submit" id="open">Open the answer</button>
  <p>Opening it uses one of its views.</p>
</form>
<section id="result" hidden>
  <p id="message" class="note" hidden></p>
  <label for="content">The answer</label>
  <textarea id="content" readonly autocomplete="off"></textarea>
  <button type="button" id="copy">Copy</button> <span id="copied" role="status"></span>
  <ul id="files"></ul>
</section>`, '/inbox.js');

function file(parts: string[], type: string): Reply {
  let raw: Buffer;
  try {
    raw = readFileSync(projectPath(...parts));
  } catch {
    throw new ApiError(404, 'NOT_FOUND', `${parts.join('/')} does not exist yet (run npm run build)`);
  }
  return { status: 200, headers: { 'Content-Type': type }, raw };
}

const JS = 'text/javascript; charset=utf-8';

/** Path pattern -> the reply, given the pattern's first group. */
const ROUTES: Array<[RegExp, (name: string) => Reply]> = [
  [/^\/s\/[^/]+\/?$/, () => ({ status: 200, headers: PAGE_HEADERS, raw: VIEWER })],
  [/^\/r\/[^/]+\/?$/, () => ({ status: 200, headers: PAGE_HEADERS, raw: RESPONDER })],
  [/^\/i\/[^/]+\/?$/, () => ({ status: 200, headers: PAGE_HEADERS, raw: INBOX })],
  [/^\/sharokey\.min\.js$/, () => file(['dist', 'sharokey.min.js'], JS)],
  [/^\/(page|viewer|responder|inbox)\.js$/, (name) => file(['mock', 'public', name + '.js'], JS)],
  // Browsers ask for it on every page: an empty answer keeps consoles quiet.
  [/^\/favicon\.ico$/, () => ({ status: 204 })],
];

/** Whether `path` is one of the pages or their files (never hit by a fault: server.ts). */
export const isPage = (path: string): boolean => ROUTES.some(([pattern]) => pattern.test(path));

/** The page or file at `path` (origin root), or null when it is none; 405 for a method other than GET/HEAD. */
export function pageReply(method: string, path: string): Reply | null {
  const route = ROUTES.find(([pattern]) => pattern.test(path));
  if (!route) return null;
  if (method !== 'GET' && method !== 'HEAD') {
    throw new ApiError(405, 'METHOD_NOT_ALLOWED', `Method ${method} is not allowed here; use GET`, undefined, { Allow: 'GET, HEAD, OPTIONS' });
  }
  return route[1](route[0].exec(path)![1]!);
}
