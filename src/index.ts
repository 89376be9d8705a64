// The ES module entry: the default client (the same object as the global of
// the script tag) and the named parts.
import { createClient } from './client.ts';

/** The default client. */
const Sharokey = createClient();
export default Sharokey;
export { createClient, DEFAULT_API_URL, type Client } from './client.ts';
export * from './errors.ts';
export type * from './types.ts';
