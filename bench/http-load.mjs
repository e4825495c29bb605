/**
 * Load generator for the ticket benchmarks, run in a worker thread so that the clients do not share
 * the server's event loop (in production they are other machines). Plain JS: workers start
 * without the TypeScript loader.
 *
 * workerData: { base, clients, requests: [{ method, path, headers, body? }] (round-robin over clients),
 *               expect: status code, ratePerSecond?: number }
 * Without ratePerSecond each client sends its next request as soon as the last is answered (the
 * most the server can take). With it, request i is due at i / ratePerSecond seconds (an offered
 * load, as from many phones) and its time is counted from when it was due, not from when a client
 * got round to it, so a server falling behind shows as latency rather than hiding it.
 * posts back: { ms: number[], failures: number, seconds: number, firstError: string | null }
 * Plain node:http with one kept-alive connection per client: fetch costs several times the CPU per
 * request, and on this two-core machine the load generator's CPU is taken from the server's.
 */
import http from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

const { base, clients, requests, expect, ratePerSecond } = workerData;
const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
const target = new URL(base);

/** One request: its status and body text. */
const send = (r) =>
  new Promise((resolve, reject) => {
    const req = http.request({ host: target.hostname, port: target.port, method: r.method, path: r.path, headers: r.headers, agent }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode, text }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(r.body);
  });
const ms = [];
let failures = 0;
let firstError = null;
let next = 0;
const t0 = performance.now();
await Promise.all(
  Array.from({ length: clients }, async () => {
    for (;;) {
      const i = next++;
      if (i >= requests.length) return;
      const r = requests[i];
      const due = ratePerSecond ? t0 + (i * 1000) / ratePerSecond : performance.now();
      if (due > performance.now()) await new Promise((ok) => setTimeout(ok, due - performance.now()));
      const s = due;
      const res = await send(r).catch((err) => ({ status: 0, text: String(err) }));
      if (res.status !== expect) {
        failures++;
        firstError ??= `${res.status} ${res.text.slice(0, 200)}`;
      }
      ms.push(performance.now() - s);
    }
  }),
);
agent.destroy();
parentPort.postMessage({ ms, failures, seconds: (performance.now() - t0) / 1000, firstError });
