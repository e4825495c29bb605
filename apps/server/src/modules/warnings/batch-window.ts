/** A ticket as batch detection sees it. */
export type BatchTicket = { ticketId: string; customerId: string; at: number };
export type BatchWindow = { customers: number; start: number; end: number; ticketIds: string[] };

/**
 * The window of at most `windowMs` holding the most distinct customers (the earliest of equals),
 * when it reaches `minCustomers`; else null. Two pointers over the tickets in time order, with a
 * count per customer, so one customer calling ten times is one customer. Pure; O(n log n).
 */
export function busiestWindow(tickets: readonly BatchTicket[], windowMs: number, minCustomers: number): BatchWindow | null {
  const sorted = [...tickets].sort((a, b) => a.at - b.at);
  const perCustomer = new Map<string, number>();
  let best: { customers: number; from: number; to: number } | null = null;
  let from = 0;
  for (let to = 0; to < sorted.length; to++) {
    const t = sorted[to]!;
    perCustomer.set(t.customerId, (perCustomer.get(t.customerId) ?? 0) + 1);
    while (t.at - sorted[from]!.at > windowMs) {
      const gone = sorted[from]!.customerId;
      const n = perCustomer.get(gone)! - 1;
      if (n === 0) perCustomer.delete(gone);
      else perCustomer.set(gone, n);
      from++;
    }
    if (!best || perCustomer.size > best.customers) best = { customers: perCustomer.size, from, to };
  }
  if (!best || best.customers < minCustomers) return null;
  const inWindow = sorted.slice(best.from, best.to + 1);
  return { customers: best.customers, start: inWindow[0]!.at, end: inWindow[inWindow.length - 1]!.at, ticketIds: inWindow.map((t) => t.ticketId) };
}
