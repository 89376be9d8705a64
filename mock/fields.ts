/**
 * Field checks that collect every problem of a body, so one 422 can name
 * each bad field (`details: {field: [message]}`).
 */
import { LIMITS } from '../src/limits.ts';
import { invalid, type Details } from './http.ts';

/** Decoded length of strict base64 (standard alphabet, padded), or null if it is not that. */
export function base64Bytes(text: string): number | null {
  if (text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return null;
  const pad = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  return (text.length / 4) * 3 - pad;
}

/** Unicode code points, as a person counts characters. */
export const codePoints = (text: string): number => [...text].length;

const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
export const isEmail = (text: string): boolean => text.length <= LIMITS.email && EMAIL.test(text);

/** Reads fields of a JSON object, remembering what is wrong with each. */
export class Fields {
  readonly details: Details = {};

  constructor(private readonly body: Record<string, unknown>) {}

  fail(field: string, message: string): void {
    (this.details[field] ??= []).push(message);
  }

  ok(field: string): boolean {
    return !(field in this.details);
  }

  /** Absent, null and (for strings) "" all mean "not given". */
  given(field: string): boolean {
    const v = this.body[field];
    return v !== undefined && v !== null && v !== '';
  }

  raw(field: string): unknown {
    return this.body[field];
  }

  /** An optional string of at most `max` code points (and at least `min`); null when not given. */
  text(field: string, max: number, min = 0): string | null {
    if (!this.given(field)) return null;
    const v = this.body[field];
    if (typeof v !== 'string') return this.fail(field, `The ${field} must be a string.`), null;
    const n = codePoints(v);
    if (n > max || n < min) {
      this.fail(field, min > 0 ? `The ${field} must be ${min} to ${max} characters.` : `The ${field} may not be longer than ${max} characters.`);
      return null;
    }
    return v;
  }

  /** A whole number in [min, max]: required unless a fallback is given. */
  int(field: string, min: number, max: number, fallback?: number): number | null {
    if (!this.given(field)) {
      if (fallback === undefined) this.fail(field, `The ${field} field is required.`);
      return fallback ?? null;
    }
    const v = this.body[field];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
      this.fail(field, `The ${field} must be a whole number between ${min} and ${max}.`);
      return null;
    }
    return v;
  }

  /** Base64 whose decoded length passes `accept`; `rule` says what was expected. */
  base64(field: string, required: boolean, accept: (bytes: number) => boolean, rule: string): string | null {
    if (!this.given(field)) {
      if (required) this.fail(field, `The ${field} field is required.`);
      return null;
    }
    const v = this.body[field];
    const bytes = typeof v === 'string' ? base64Bytes(v) : null;
    if (bytes === null) return this.fail(field, `The ${field} must be base64 (standard alphabet, padded).`), null;
    if (!accept(bytes)) return this.fail(field, `The ${field} must be ${rule}.`), null;
    return v as string;
  }

  email(field: string): string | null {
    const v = this.text(field, LIMITS.email);
    if (v !== null && !isEmail(v)) this.fail(field, `The ${field} must be a valid e-mail address.`);
    return this.ok(field) ? v : null;
  }

  /** Throws the 422 if anything failed. */
  done(): void {
    if (Object.keys(this.details).length > 0) throw invalid(this.details);
  }
}
