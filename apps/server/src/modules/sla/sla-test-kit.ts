import { expect, vi } from 'vitest';
import type { Session } from '../../test/harness.js';

/**
 * Helpers for SLA tests that drive tickets through the API at pinned instants, so deadlines can be
 * hand-computed. `ctx` is read at each call (the sessions are created in beforeAll).
 */
export function slaTestKit(ctx: () => { agent: Session; agentId: string; cat: Record<string, string>; team: string }, firstPhone = 13600000000) {
  let phone = firstPhone;
  /** Pins the server's clock (Date only: timers keep running). */
  const now = (iso: string) => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(iso));
  };
  async function intake(at: string, over: Record<string, unknown> = {}) {
    const { agent, cat, team } = ctx();
    now(at);
    const res = await agent.req('POST', '/api/v1/tickets', {
      type: 'complaint', channel: 'hotline', title: '宽带断网', categoryId: cat['N03-03'], orgUnitId: team, customer: { phone: String(phone++) }, ...over,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; no: string; version: number; state: string };
  }
  async function act(at: string, id: string, body: Record<string, unknown>) {
    const { agent } = ctx();
    now(at);
    const version = (await agent.req('GET', `/api/v1/tickets/${id}`)).json().version;
    const res = await agent.req('POST', `/api/v1/tickets/${id}/transitions`, { version, ...body });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  }
  async function note(at: string, id: string, kind: string) {
    now(at);
    expect((await ctx().agent.req('POST', `/api/v1/tickets/${id}/notes`, { kind, body: '已联系客户' })).statusCode).toBeLessThan(300);
  }
  /** Work start: claim and start, so the ticket can be set pending or answered. */
  async function start(at: string, id: string) {
    const { agent, agentId } = ctx();
    const t = (await agent.req('GET', `/api/v1/tickets/${id}`)).json();
    if (t.state === 'accepted') await act(at, id, { action: 'assign', assigneeId: agentId });
    if ((await agent.req('GET', `/api/v1/tickets/${id}`)).json().assigneeId !== agentId) await act(at, id, { action: 'assign', assigneeId: agentId });
    await act(at, id, { action: 'start' });
  }
  return { now, intake, act, note, start };
}
