/**
 * How often one address may rate one scan point (扫码评价) in a window: the per-address limit alone
 * lets a single phone rate the same counter or staff member hundreds of times a day. Kept in
 * memory per server instance (a flood spread over instances still meets each one's limit); old
 * entries are dropped as the map grows. `now` is passed in so the window can be tested. Pure apart
 * from the map it keeps.
 */
export function scanRepeatGuard(opts: { max: number; windowMs: number; maxKeys?: number }) {
  const seen = new Map<string, number[]>();
  const maxKeys = opts.maxKeys ?? 50_000;
  return {
    /** Records a scan of `point` from `address` at `now` and says whether it is within the limit. */
    allow(address: string, point: string, now: number): boolean {
      const key = `${address}|${point}`;
      const recent = (seen.get(key) ?? []).filter((t) => t > now - opts.windowMs);
      if (recent.length >= opts.max) {
        seen.set(key, recent);
        return false;
      }
      recent.push(now);
      seen.delete(key); // re-inserted last: the map's order is oldest-first for pruning
      seen.set(key, recent);
      if (seen.size > maxKeys) seen.delete(seen.keys().next().value!);
      return true;
    },
  };
}
