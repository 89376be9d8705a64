// A static file server for the repository (the test pages, the demo, dist/).
// It stands for "any page": it sends no CORS headers, so the pages it serves
// are on a different origin from the API they call.
//   node scripts/serve.mjs --port 4310 [--root .] [--csp]
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.map': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.ts': 'text/plain; charset=utf-8' };

export function serveStatic({ port = 0, host = '127.0.0.1', root = '.' } = {}) {
  const base = resolve(root);
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://x');
    let file;
    try {
      file = normalize(join(base, decodeURIComponent(url.pathname)));
    } catch {
      return res.writeHead(400, { 'Content-Type': 'text/plain' }).end('bad path'); // `/%`: no file
    }
    // Inside the root (a sibling `<root>-old/` shares its prefix), and never the repository's .git.
    if ((file != base && !file.startsWith(base + sep)) || file.split(sep).includes('.git')) return res.writeHead(403).end();
    try {
      const path = (await stat(file)).isDirectory() ? join(file, 'index.html') : file;
      const body = await readFile(path);
      const headers = { 'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' };
      // A page can ask for a strict CSP with ?csp=1 (used by the hostile-page tests).
      if (url.searchParams.has('csp')) headers['Content-Security-Policy'] = "default-src 'self'; script-src 'self'; connect-src 'self' http://127.0.0.1:4311; style-src 'self'; require-trusted-types-for 'script'";
      res.writeHead(200, headers).end(body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    }
  });
  return new Promise((ok) => server.listen(port, host, () => ok(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name, dflt) => { const i = process.argv.indexOf('--' + name); return i > 0 ? process.argv[i + 1] : dflt; };
  const host = arg('host', 'localhost');
  const server = await serveStatic({ port: +arg('port', 4310), host, root: arg('root', '.') });
  console.log(`http://${host}:${server.address().port}/`);
}
