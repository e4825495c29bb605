// HTTP floor: bare fastify + zod POST returning a ticket-sized JSON, driven like the create bench
import { Worker } from 'node:worker_threads';
import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { CreateTicketBody } from '@qloop/contracts';
const app = Fastify({ logger: false });
app.setValidatorCompiler(validatorCompiler); app.setSerializerCompiler(serializerCompiler);
const answer = JSON.parse(JSON.stringify({ id: 'x'.repeat(36), no: 'GD20261203000001', title: '宽带断网，光猫红灯', description: '压测工单', events: [{ at: new Date().toISOString(), kind: 'created', data: { channel: 'hotline' } }], clocks: [{ kind: 'first_response', deadline: new Date().toISOString() }, { kind: 'resolution' }], pad: 'y'.repeat(2000) }));
app.post('/t', { schema: { body: CreateTicketBody } }, async (_req, reply) => { reply.code(201); return answer; });
await app.listen({ port: 0, host: '127.0.0.1' });
const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
const body = JSON.stringify({ type: 'complaint', channel: 'hotline', title: '宽带断网，光猫红灯', description: '压测工单', categoryId: '230380e7-b5db-4c83-96c6-47d7b6f491c6', orgUnitId: '230380e7-b5db-4c83-96c6-47d7b6f491c6', customer: { phone: '13900000001' } });
const requests = Array.from({ length: 20000 }, () => ({ method: 'POST', path: '/t', headers: { 'content-type': 'application/json', cookie: 'qloop_session=abcdefabcdefabcdef', 'x-csrf-token': 'x'.repeat(40) }, body }));
const run = () => new Promise<any>((resolve) => { const cpu = process.cpuUsage(); const w = new Worker(new URL('./http-load.mjs', import.meta.url), { workerData: { base, clients: 50, expect: 201, requests } }); w.once('message', (r) => { const c = process.cpuUsage(cpu); resolve({ perSecond: Math.round(r.ms.length / r.seconds), failures: r.failures, first: r.firstError, processCpuMsPerRequest: ((c.user + c.system) / 1000 / r.ms.length).toFixed(3) }); }); });
await run(); console.log(await run()); await app.close();
