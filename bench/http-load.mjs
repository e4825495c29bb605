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
 */
import { parentPort, workerData } from 'node:worker_threads';

const { base, clients, requests, expect, ratePerSecond } = workerData;
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
      const res = await fetch(`${base}${r.path}`, { method: r.method, headers: r.headers, body: r.body });
      const text = await res.text();
      if (res.status !== expect) {
        failures++;
        firstError ??= `${res.status} ${text.slice(0, 200)}`;
      }
      ms.push(performance.now() - s);
    }
  }),
);
parentPort.postMessage({ ms, failures, seconds: (performance.now() - t0) / 1000, firstError });
