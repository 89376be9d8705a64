// The ES module entry: the default client (the same object as the global of
// the script tag) and the named parts.
import { createClient, type Client } from './client.ts';

declare const __VERSION__: string;

// The script tag's global, when this very version set it: one object, one configuration.
const g = (globalThis as unknown as { Sharokey?: Client }).Sharokey;
/** The default client. */
const Sharokey: Client = g?.isSharokeyError && g.version == __VERSION__ ? g : createClient();
export default Sharokey;
export { createClient, DEFAULT_API_URL, type Client } from './client.ts';
export * from './errors.ts';
export type * from './types.ts';
