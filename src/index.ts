// The ES module entry: the default client (the same object as the global of
// the script tag) and the named parts.
import { createClient, type Client } from './client.ts';

declare const __VERSION__: string;

// The script tag's global, when this very version set it: one object, one configuration.
const g = (globalThis as unknown as { Sharokey?: Client }).Sharokey;
/** The default client. */
const Sharokey: Client = g?.isSharokeyError && g.version == __VERSION__ ? g : createClient();
export default Sharokey;
// The default client's methods as named exports (API.md: "the same object and its named
// parts"): `import { config, create } from '.../sharokey.esm.js'` acts on that one client.
export const {
  version, config, getConfig, create, list, getDetails, get, getStats, stats, getTokenStats, analyzeStats, reveal,
  createRequest, listRequests, getRequest, deleteRequest, requestStats, respond, openRequest, health, test, testConnection,
} = Sharokey;
/** `delete` is a keyword: `import { delete as deleteSecret } from '.../sharokey.esm.js'`. */
const deleteSecret = Sharokey.delete;
export { deleteSecret as delete };
export { createClient, DEFAULT_API_URL, type Client } from './client.ts';
export * from './errors.ts';
export type * from './types.ts';
