/**
 * Coalesces look-ups made in the same turn of the event loop into one `loadMany` call (the
 * DataLoader pattern): under load, fifty requests resolving their session cost one query, not
 * fifty; when idle, a look-up waits only until the current I/O callbacks have run.
 */
export function createBatchLoader<K, V>(loadMany: (keys: K[]) => Promise<Map<K, V>>, maxBatch = 200): (key: K) => Promise<V | undefined> {
  let pending: { key: K; resolve: (v: V | undefined) => void; reject: (e: unknown) => void }[] = [];
  let scheduled = false;

  const flush = () => {
    const all = pending;
    pending = [];
    scheduled = false;
    for (let i = 0; i < all.length; i += maxBatch) {
      const batch = all.slice(i, i + maxBatch);
      loadMany([...new Set(batch.map((b) => b.key))]).then(
        (found) => batch.forEach((b) => b.resolve(found.get(b.key))),
        (err) => batch.forEach((b) => b.reject(err)),
      );
    }
  };

  return (key) =>
    new Promise((resolve, reject) => {
      pending.push({ key, resolve, reject });
      if (!scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
    });
}
