// The wire basics: envelope, routing, CORS, body parsing and the size limit.
import { test, expect } from '@playwright/test';
import { execFile } from 'node:child_process';
import { call, rawHttp, secretBody, T, useMock } from './helpers.ts';

const { mock, api } = useMock();

test('health answers under /api/v1 and at the origin root, without a token', async () => {
  expect(mock.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v1$/);
  for (const base of [mock.url, mock.origin]) {
    const res = await call(base, 'GET', '/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ success: true, message: expect.any(String), data: { status: 'ok', version: expect.any(String) } });
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  }
});

test('an unknown route is a 404 NOT_FOUND envelope, a wrong method a 405', async () => {
  const unknown = await api.get('/nope', { token: T.admin });
  expect(unknown.status).toBe(404);
  expect(unknown.body).toEqual({ success: false, error: { code: 'NOT_FOUND', message: expect.any(String) } });

  const wrong = await call(mock.url, 'PUT', '/secrets', { token: T.admin, body: {} });
  expect(wrong.status).toBe(405);
  expect(wrong.body.success).toBe(false);
  expect(wrong.body.error.code).toBe('METHOD_NOT_ALLOWED');
  expect(wrong.headers.get('allow')).toContain('POST');

  const deleteList = await api.del('/secrets', { token: T.admin });
  expect(deleteList.status).toBe(405);
});

test('every answer carries CORS headers, errors included', async () => {
  for (const res of [await api.get('/health'), await api.get('/secrets'), await api.get('/nope'), await api.get('/secrets', { token: 'bad' })]) {
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-expose-headers')).toMatch(/Retry-After/);
    expect(res.headers.get('access-control-expose-headers')).toMatch(/X-RateLimit-Remaining/);
  }
});

test('a preflight gets 204 with the allowed methods and headers, and needs no token', async () => {
  for (const path of ['/secrets', '/secrets/abcdEFGH', '/public/secrets/abcdEFGH/open', '/secrets-stats']) {
    const res = await fetch(mock.url + path, {
      method: 'OPTIONS',
      headers: { Origin: 'https://page.example', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization, content-type' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    for (const m of ['GET', 'POST', 'DELETE', 'OPTIONS']) expect(res.headers.get('access-control-allow-methods')).toContain(m);
    for (const h of ['Authorization', 'Content-Type', 'X-Sharokey-Company']) expect(res.headers.get('access-control-allow-headers')).toContain(h);
    expect(Number(res.headers.get('access-control-max-age'))).toBeGreaterThan(0);
    expect(await res.text()).toBe('');
  }
});

test('malformed JSON is 400 VALIDATION_ERROR; JSON that is not an object is 422', async () => {
  const bad = await api.post('/secrets', { token: T.admin, raw: '{"content": ' });
  expect(bad.status).toBe(400);
  expect(bad.body.error.code).toBe('VALIDATION_ERROR');

  for (const raw of ['[1,2]', '"text"', '42', 'null']) {
    const res = await api.post('/secrets', { token: T.admin, raw });
    expect(res.status, raw).toBe(422);
    expect(res.body.error.code).toBe('VALIDATION_ERROR');
  }
});

test('a body over 16 MiB is refused with 413 and the server keeps serving', async () => {
  const huge = JSON.stringify({ ...secretBody(), padding: 'x'.repeat(16 * 1024 * 1024) });
  const res = await api.post('/secrets', { token: T.admin, raw: huge });
  expect(res.status).toBe(413);
  expect(res.body).toEqual({ success: false, error: { code: 'PAYLOAD_TOO_LARGE', message: expect.any(String) } });
  expect(res.headers.get('access-control-allow-origin')).toBe('*');

  // Without Content-Length (chunked), the limit holds as well.
  const stream = new ReadableStream({
    start(controller) {
      const chunk = new TextEncoder().encode('x'.repeat(1024 * 1024));
      for (let i = 0; i < 17; i++) controller.enqueue(chunk);
      controller.close();
    },
  });
  const chunked = await fetch(`${mock.url}/secrets`, { method: 'POST', body: stream, headers: { Authorization: `Bearer ${T.admin}` }, duplex: 'half' } as RequestInit);
  expect(chunked.status).toBe(413);
  await chunked.text();

  expect((await api.get('/health')).status).toBe(200);
  expect((await api.post('/secrets', { token: T.admin, body: secretBody() })).status).toBe(201);
});

test('a body over the limit still counts against its token: rate limit headers and /tokens-stats', async () => {
  const before = (await api.get('/tokens-stats', { token: T.admin })).body.data;
  const res = await api.post('/secrets', { token: T.admin, raw: 'x'.repeat(16 * 1024 * 1024 + 1) });
  expect(res.status).toBe(413);
  expect(res.headers.get('x-ratelimit-remaining')).toMatch(/^\d+$/);
  const after = (await api.get('/tokens-stats', { token: T.admin })).body.data;
  expect([after.total_requests - before.total_requests, after.error_requests - before.error_requests]).toEqual([2, 1]);
});

test('the 413 reaches a client that sent Connection: close and its whole body (the connection closes in stages), and one that waits for it', async () => {
  // The client runs in its own process, as a real one does: in this one, the
  // server could not answer while the body is being written, and the race
  // (an answer sent early, then a reset under it) would never show.
  const client = `const s = require('net').connect(${new URL(mock.origin).port}, '127.0.0.1'); let got = '';
    s.on('data', (d) => (got += d)).on('error', () => {}).on('close', () => process.stdout.write(got.slice(0, 4000)));
    s.write('POST /api/v1/secrets HTTP/1.1\\r\\nHost: x\\r\\nConnection: close\\r\\nContent-Type: application/json\\r\\nContent-Length: 16777217\\r\\n\\r\\n');
    s.write(Buffer.alloc(16777217, 32));`;
  // 16 tries: the old mock (answer, then close) lost the 413 in about a third of them.
  for (let i = 0; i < 16; i++) {
    const answer = await new Promise<string>((done) => execFile(process.execPath, ['-e', client], (_, out) => done(out)));
    expect(answer, `try ${i + 1}`).toMatch(/^HTTP\/1\.1 413 /);
    expect(answer).toContain('PAYLOAD_TOO_LARGE');
    expect(answer).toMatch(/\r\nConnection: close\r\n/i);
  }
  // And at once, from Content-Length, to a client that waits for it before sending its body.
  const early = await rawHttp(mock.origin, [`POST /api/v1/secrets HTTP/1.1\r\nHost: x\r\nContent-Length: ${16 * 1024 * 1024 + 1}\r\n\r\n`], { end: false });
  expect(early).toMatch(/^HTTP\/1\.1 413 /);
  expect((await api.get('/health')).status).toBe(200);
});

test('a body that is not UTF-8 is 400 VALIDATION_ERROR, also inside a JSON string, and nothing is stored', async () => {
  const before = (await api.get('/secrets', { token: T.admin })).body.data.length;
  const [head, tail] = JSON.stringify(secretBody({ description: '@' })).split('@');
  const body = Buffer.concat([Buffer.from(head!), Buffer.from([0xc3, 0x28, 0xa0]), Buffer.from(tail!)]);
  const res = await fetch(`${mock.url}/secrets`, { method: 'POST', body, headers: { Authorization: `Bearer ${T.admin}`, 'Content-Type': 'application/json' } });
  expect(res.status).toBe(400);
  expect(await res.json()).toEqual({ success: false, error: { code: 'VALIDATION_ERROR', message: expect.stringContaining('UTF-8') } });
  expect((await api.get('/secrets', { token: T.admin })).body.data.length).toBe(before);
  // The same body in UTF-8 is stored.
  expect((await api.post('/secrets', { token: T.admin, body: secretBody({ description: 'caf\u00e9 \u{1F511}' }) })).status).toBe(201);
});

test("a body that is not UTF-8, sent to a page's address (/s/{slug}), is the same JSON 400: never the page, never the API's routing", async () => {
  const res = await fetch(`${mock.origin}/s/abcdEFGH`, { method: 'POST', body: Buffer.from([0xc3, 0x28, 0xa0]) });
  expect(res.status).toBe(400);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  expect(await res.json()).toEqual({ success: false, error: { code: 'VALIDATION_ERROR', message: expect.stringContaining('UTF-8') } });
  // The same request in UTF-8 reaches the page's own answer to a POST: a JSON 405.
  const text = await fetch(`${mock.origin}/s/abcdEFGH`, { method: 'POST', body: 'caf\u00e9' });
  expect(text.status).toBe(405);
  expect((await text.json()).error.code).toBe('METHOD_NOT_ALLOWED');
});

test('CONNECT is answered with a JSON 405, and the server keeps serving', async () => {
  const answer = await rawHttp(mock.origin, ['CONNECT /api/v1/secrets HTTP/1.1\r\nHost: x\r\n\r\n']);
  expect(answer).toMatch(/^HTTP\/1\.1 405 /);
  expect(JSON.parse(answer.split('\r\n\r\n')[1]!)).toEqual({ success: false, error: { code: 'METHOD_NOT_ALLOWED', message: expect.any(String) } });
  expect((await api.get('/health')).status).toBe(200);
});

test('a body of exactly 16 MiB is read (and then validated); one byte more is 413', async () => {
  const base = JSON.stringify({ ...secretBody(), padding: '' });
  const body = base.replace('"padding":""', `"padding":"${'x'.repeat(16 * 1024 * 1024 - base.length)}"`);
  expect(body.length).toBe(16 * 1024 * 1024);
  expect((await api.post('/secrets', { token: T.admin, raw: body })).status).toBe(201);
  expect((await api.post('/secrets', { token: T.admin, raw: body + ' ' })).status).toBe(413);
});

test('HEAD is answered like GET, without a body', async () => {
  const res = await fetch(`${mock.url}/health`, { method: 'HEAD' });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  // The headers of the GET: its body's length too (Node itself sends no body on a HEAD).
  const get = await fetch(`${mock.url}/health`);
  expect(res.headers.get('content-length')).toBe(String((await get.arrayBuffer()).byteLength));
});

test('a body nested 100,000 deep with a \\u escape is read, not a 500: a pair is text (201), a lone surrogate is not (400)', async () => {
  const deep = (s: string) => JSON.stringify(secretBody()).slice(0, -1) + ',"x":' + '['.repeat(100_000) + s + ']'.repeat(100_000) + '}';
  const pair = await call(mock.url, 'POST', '/secrets', { token: T.admin, raw: deep('"\\ud83d\\ude00"') });
  expect(pair.status).toBe(201);
  const lone = await call(mock.url, 'POST', '/secrets', { token: T.admin, raw: deep('"\\ud800"') });
  expect(lone.status).toBe(400);
  expect(lone.body.error.code).toBe('VALIDATION_ERROR');
});

test('a request without Host is answered as the API answers: the JSON envelope and CORS', async () => {
  const answer = await rawHttp(mock.origin, ['GET /api/v1/health HTTP/1.1\r\nConnection: close\r\n\r\n']);
  expect(answer).toMatch(/^HTTP\/1\.1 200 /);
  expect(answer).toMatch(/access-control-allow-origin: \*/i);
  expect(answer).toContain('"status":"ok"');
});

test('pipelined requests are answered in order, and bytes that are not HTTP after them get their 400 last', async () => {
  const body = JSON.stringify(secretBody());
  const create = `POST /api/v1/secrets HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${T.admin}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
  const answer = await rawHttp(mock.origin, [create + create + 'GARBAGE\r\n\r\n']);
  expect(answer.match(/HTTP\/1\.1 \d+/g)).toEqual(['HTTP/1.1 201', 'HTTP/1.1 201', 'HTTP/1.1 400']);
  expect((await api.get('/secrets', { token: T.admin })).body.data).toHaveLength(2);
});

test('a request whose body never arrives whole is not logged, nor counted against its token', async () => {
  await rawHttp(mock.origin, [`POST /api/v1/secrets HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${T.admin}\r\nContent-Length: 100\r\n\r\n{"a"`], { end: false, closeAfter: 300 });
  expect((await api.get('/_mock/log')).body.data).toEqual([]);
  const me = (await api.get('/tokens-stats', { token: T.admin })).body.data.tokens.find((t: { user: string }) => t.user === 'alice@acme.test');
  // (This very request is counted once answered.)
  expect(me.requests).toBe(0);
});

test('leading empty segments are dropped too: //api/v1/health is /api/v1/health', async () => {
  for (const path of ['//api/v1/health', '///api/v1//health']) expect((await call(mock.origin, 'GET', path)).status, path).toBe(200);
});

test('Expect: 100-continue with a body over 16 MiB gets its 413 at once, never a 100 Continue', async () => {
  const ask = (length: number) => rawHttp(mock.origin, [`POST /api/v1/secrets HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${T.admin}\r\nExpect: 100-continue\r\nContent-Length: ${length}\r\n\r\n`], { end: false, closeAfter: 500 });
  expect((await ask(20 << 20)).match(/HTTP\/1\.1 \d+/g)).toEqual(['HTTP/1.1 413']);
  expect((await ask(100)).match(/HTTP\/1\.1 \d+/g)).toEqual(['HTTP/1.1 100']);
});
