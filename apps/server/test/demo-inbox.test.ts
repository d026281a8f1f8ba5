import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoSummary, finishDemo, generateDemo } from '../src/modules/demo/index.js';
import { as, login, testApp, testDatabase } from './helpers.js';

// the demo exactly as `kamap serve --demo` loads it (default size and seed), on a fixed day
const SIZE = { asOf: '2026-11-25', silent: true };

let database: Awaited<ReturnType<typeof testDatabase>>;
let app: FastifyInstance;
let summary: DemoSummary;
let director: ReturnType<typeof as>;

beforeAll(async () => {
  database = await testDatabase();
  summary = await generateDemo(database, SIZE);
  await finishDemo(database, summary);
  app = await testApp(database, true);
  director = as(app, await login(app, 'director', 'kamap-demo'));
}, 600_000);
afterAll(async () => {
  await app?.close();
  await database.dispose();
});

type Alert = { rule: string; severity: string; reason: string; data: Record<string, unknown>; link: string };

describe('the demo, as the director sees it', () => {
  it('the alert inbox is a readable list of explained alerts of at least four kinds, most severe first', async () => {
    const inbox = (await director.get('/alerts?active=true&limit=200')).json() as { items: Alert[]; total: number };
    expect(inbox.total).toBeGreaterThanOrEqual(10);
    expect(inbox.total).toBeLessThan(100);
    expect(new Set(inbox.items.map((a) => a.rule)).size).toBeGreaterThanOrEqual(4);
    for (const a of inbox.items) {
      expect(a.reason.length).toBeGreaterThan(0);
      expect(Object.keys(a.data).length).toBeGreaterThan(0);
      expect(a.link).toMatch(/^\//);
    }
    const severities = inbox.items.map((a) => a.severity);
    expect(severities).toEqual([...severities].sort());
  });

  it('one complaint breached its SLA and was escalated, and its alert says so', async () => {
    const inbox = (await director.get('/alerts?active=true&rule=sla_breached')).json() as { items: Alert[] };
    const alert = inbox.items.find((a) => (a.data.items as { escalated: boolean }[]).some((c) => c.escalated));
    expect(alert).toBeDefined();
    const complaint = (await director.get(alert!.link)).json();
    expect(complaint.escalatedAt).not.toBeNull();
    expect(complaint.history.map((e: { kind: string }) => e.kind)).toContain('escalated');
  });

  it('resolved quality complaints raised needs, which list and link back', async () => {
    const needs = await director.get(`/needs?limit=200&q=${encodeURIComponent('杜绝再发')}`);
    expect(needs.statusCode, needs.body).toBe(200);
    const raised = (needs.json().items as { sourceKind: string; sourceId: string; id: string }[]).filter(
      (n) => n.sourceKind === 'complaint' && n.sourceId !== null,
    );
    expect(raised.length).toBeGreaterThan(0);
    const res = await director.get(`/complaints/${raised[0]!.sourceId}`);
    expect(res.statusCode, res.body).toBe(200);
    const complaint = res.json();
    expect(complaint.needs.map((n: { id: string }) => n.id)).toContain(raised[0]!.id);
  });
});
