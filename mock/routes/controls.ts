/**
 * /health (no token, limited per client address like every route without
 * one: PROTOCOL.md) and the test controls under /_mock: no token, no rate
 * limit, not logged.
 */
import { faultView, parseFault } from '../faults.ts';
import { Fields } from '../fields.ts';
import { ApiError, MOCK_VERSION, ok } from '../http.ts';
import { FAULT_LIMIT } from '../state.ts';
import type { Route } from '../router.ts';
import { HOUR, iso } from '../store.ts';

/** Ten years, in hours: far enough for any test, small enough for a Date. */
const MAX_ADVANCE_HOURS = 87_600;
/** 9999-12-31T23:59:59.999Z. */
const LAST_DATE = 253_402_300_799_999;

export const controlRoutes: Route[] = [
  {
    method: 'GET', pattern: '/health', access: { kind: 'public' },
    handler: () => ok({ status: 'ok', version: MOCK_VERSION }, 'API is healthy'),
  },
  {
    method: 'POST', pattern: '/_mock/reset', access: { kind: 'free' },
    handler: (ctx) => {
      ctx.state.reset();
      return ok({ now: iso(ctx.state.store.now()) }, 'Mock reset');
    },
  },
  {
    method: 'POST', pattern: '/_mock/clock', access: { kind: 'free' },
    handler: (ctx) => {
      const f = new Fields(ctx.body());
      const hours = f.raw('advance_hours');
      if (typeof hours !== 'number' || !Number.isFinite(hours) || hours < 0 || hours > MAX_ADVANCE_HOURS) {
        f.fail('advance_hours', `The advance_hours must be a number from 0 to ${MAX_ADVANCE_HOURS} (fractions allowed).`);
      }
      // Many advances add up: the clock must stay a valid Date (the year 9999 at most).
      if (typeof hours === 'number' && ctx.state.store.now() + hours * HOUR > LAST_DATE) {
        f.fail('advance_hours', 'The mock clock cannot go past the year 9999: POST /_mock/reset puts it back.');
      }
      f.done();
      ctx.state.store.advance(hours as number);
      return ok({ now: iso(ctx.state.store.now()) }, 'Mock clock advanced');
    },
  },
  {
    method: 'GET', pattern: '/_mock/log', access: { kind: 'free' },
    handler: (ctx) => ok(ctx.state.log, 'Request log'),
  },
  {
    method: 'DELETE', pattern: '/_mock/log', access: { kind: 'free' },
    handler: (ctx) => {
      ctx.state.clearLog();
      return ok(null, 'Request log cleared');
    },
  },
  {
    method: 'GET', pattern: '/_mock/outbox', access: { kind: 'free' },
    handler: (ctx) => ok(ctx.state.store.outbox, 'Outbox'),
  },
  {
    method: 'DELETE', pattern: '/_mock/outbox', access: { kind: 'free' },
    handler: (ctx) => {
      ctx.state.store.outbox.length = 0;
      return ok(null, 'Outbox cleared');
    },
  },
  {
    method: 'POST', pattern: '/_mock/fault', access: { kind: 'free' },
    handler: (ctx) => {
      const fault = parseFault(ctx.body(), ctx.state.nextFaultId());
      if (ctx.state.faults.length >= FAULT_LIMIT) throw new ApiError(422, 'VALIDATION_ERROR', `At most ${FAULT_LIMIT} faults can wait: DELETE /_mock/fault clears them.`);
      ctx.state.faults.push(fault);
      return ok(faultView(fault), 'Fault queued', {}, 201);
    },
  },
  {
    method: 'GET', pattern: '/_mock/fault', access: { kind: 'free' },
    handler: (ctx) => ok(ctx.state.faults.map(faultView), 'Pending faults'),
  },
  {
    method: 'DELETE', pattern: '/_mock/fault', access: { kind: 'free' },
    handler: (ctx) => {
      ctx.state.faults.length = 0;
      return ok(null, 'Faults cleared');
    },
  },
];
