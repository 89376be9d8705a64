import type { Client } from '../dist/sharokey.d.ts';
declare global {
  interface Window {
    Sharokey: Client;
  }
}
export {};
