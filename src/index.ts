// The ES module entry: the default client (the same object as the global of
// the script tag) and the named parts.
import { createClient as newClient, type Client } from './client.ts';
import type * as E from './errors.ts';

declare const __VERSION__: string;

// The script tag's global, when this very version set it: one object, one configuration.
const g = (globalThis as unknown as { Sharokey?: Client }).Sharokey;
/** The default client: the same object as the `Sharokey` global of the script tag when this version set it. */
const Sharokey: Client = g?.isSharokeyError && g.version == __VERSION__ ? g : newClient();
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
export const createClient: Client['createClient'] = Sharokey.createClient;
export const isSharokeyError: Client['isSharokeyError'] = Sharokey.isSharokeyError;
// The error classes are the default client's too, so that `instanceof` holds for what its
// methods throw when the script tag made it (the classes of a module-made client otherwise).
// Each is also a type: `catch (e) { if (e instanceof ValidationError) e.details }`, `let e: ValidationError`.
export const SharokeyError: Client['SharokeyError'] = Sharokey.SharokeyError;
export type SharokeyError = E.SharokeyError;
export const AuthenticationError: Client['AuthenticationError'] = Sharokey.AuthenticationError;
export type AuthenticationError = E.AuthenticationError;
export const PermissionError: Client['PermissionError'] = Sharokey.PermissionError;
export type PermissionError = E.PermissionError;
export const NotFoundError: Client['NotFoundError'] = Sharokey.NotFoundError;
export type NotFoundError = E.NotFoundError;
export const QuotaExceededError: Client['QuotaExceededError'] = Sharokey.QuotaExceededError;
export type QuotaExceededError = E.QuotaExceededError;
export const RateLimitError: Client['RateLimitError'] = Sharokey.RateLimitError;
export type RateLimitError = E.RateLimitError;
export const ValidationError: Client['ValidationError'] = Sharokey.ValidationError;
export type ValidationError = E.ValidationError;
export const AttachmentError: Client['AttachmentError'] = Sharokey.AttachmentError;
export type AttachmentError = E.AttachmentError;
export const NetworkError: Client['NetworkError'] = Sharokey.NetworkError;
export type NetworkError = E.NetworkError;
export const TimeoutError: Client['TimeoutError'] = Sharokey.TimeoutError;
export type TimeoutError = E.TimeoutError;
export const CryptoError: Client['CryptoError'] = Sharokey.CryptoError;
export type CryptoError = E.CryptoError;
export { DEFAULT_API_URL, type Client } from './client.ts';
export type { ErrorDetails, ErrorInit } from './errors.ts';
export type * from './types.ts';
