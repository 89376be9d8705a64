// What of `secrets` (plaintexts, keys) the mock's request log holds, in its
// paths, headers or bodies: each as written, URL-encoded (%20 or +), or as
// the base64 of its UTF-8 (a plaintext sent unencrypted would be so in a
// body). Shared by the page (engines/checks.js) and Node (engines/pages.mjs).
export function leaks(entries, secrets) {
  const text = entries.map((r) => [r.path, ...Object.values(r.headers), r.body].join('\n')).join('\n');
  const base64 = (s) => btoa(Array.from(new TextEncoder().encode(s), (c) => String.fromCharCode(c)).join('')).replace(/=+$/, '');
  const forms = (s) => [s, encodeURIComponent(s), encodeURIComponent(s).replace(/%20/g, '+'), base64(s)];
  return secrets.filter((s) => s && forms(s).some((f) => text.includes(f)));
}
