// The ES module entry: the default client (the same object as the global of
// the script tag) and the named parts.
import { createClient, type Client } from './client.ts';

declare const __VERSION__: string;

// The script tag's global, when this very version set it: one object, one configuration.
const g = (globalThis as unknown as { Sharokey?: Client }).Sharokey;
/** The default client: the same object as the `Sharokey` global of the script tag when this version set it. */
const Sharokey: Client = g?.isSharokeyError && g.version == __VERSION__ ? g : createClient();
export default Sharokey;
// The default client's parts as named exports (API.md: "the same object and its named
// parts"): `import { config, create } from '.../sharokey.esm.js'` acts on that one client.
export const version: Client['version'] = Sharokey.version;
export const config: Client['config'] = Sharokey.config;
export const getConfig: Client['getConfig'] = Sharokey.getConfig;
export const create: Client['create'] = Sharokey.create;
export const list: Client['list'] = Sharokey.list;
export const getDetails: Client['getDetails'] = Sharokey.getDetails;
export const get: Client['get'] = Sharokey.get;
export const getStats: Client['getStats'] = Sharokey.getStats;
export const stats: Client['stats'] = Sharokey.stats;
export const getTokenStats: Client['getTokenStats'] = Sharokey.getTokenStats;
export const analyzeStats: Client['analyzeStats'] = Sharokey.analyzeStats;
export const reveal: Client['reveal'] = Sharokey.reveal;
export const sendOtp: Client['sendOtp'] = Sharokey.sendOtp;
export const createRequest: Client['createRequest'] = Sharokey.createRequest;
export const listRequests: Client['listRequests'] = Sharokey.listRequests;
export const getRequest: Client['getRequest'] = Sharokey.getRequest;
export const deleteRequest: Client['deleteRequest'] = Sharokey.deleteRequest;
export const requestStats: Client['requestStats'] = Sharokey.requestStats;
export const respond: Client['respond'] = Sharokey.respond;
export const openRequest: Client['openRequest'] = Sharokey.openRequest;
export const health: Client['health'] = Sharokey.health;
export const test: Client['test'] = Sharokey.test;
export const testConnection: Client['testConnection'] = Sharokey.testConnection;
/** `delete` is a keyword: `import { delete as remove } from '.../sharokey.esm.js'`. */
const deleteSecret: Client['delete'] = Sharokey.delete;
export { deleteSecret as delete };
export { createClient, DEFAULT_API_URL, type Client } from './client.ts';
export * from './errors.ts';
export type * from './types.ts';
