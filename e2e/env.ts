/** Where the test servers listen. The page and the API are on different origins. */
export const MOCK_PORT = 4311;
export const PAGE_PORT = 4310;
export const MOCK_ORIGIN = `http://127.0.0.1:${MOCK_PORT}`;
export const MOCK_URL = `${MOCK_ORIGIN}/api/v1`;
export const PAGE_ORIGIN = `http://localhost:${PAGE_PORT}`;
/** Tokens of e2e/fixtures/mock.json. */
export const TOKENS = {
  admin: 'acme-admin-token',
  reader: 'acme-reader-token',
  writer: 'acme-writer-token',
  revoked: 'acme-old-token',
  other: 'globex-admin-token',
  multi: 'erin-user-token',
  tiny: 'tiny-admin-token',
} as const;
