// Types of dist/sharokey.esm.js v1.0.0: those of sharokey.d.ts.
export * from './sharokey.js';
export { default } from './sharokey.js';
