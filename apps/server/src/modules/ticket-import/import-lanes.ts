import { laneOf } from '../../lib/stable-hash.js';
import type { ParsedTicketRow } from './parse-ticket-rows.js';

/**
 * Splits import rows into lanes that can be written at the same time. Rows that may be the same
 * customer — sharing a phone or a customer number, directly or through other rows (one row with
 * both, another with only one of them) — go to the same lane, in file order, so that two lanes
 * never both create one customer or link the same repeat-complaint chain: within a lane rows are
 * written exactly as one sequential import would write them. Customers already on file link their
 * phone and number the same way. Pure.
 */
export function splitIntoLanes(
  rows: readonly ParsedTicketRow[],
  lanes: number,
  /** phone and customer number of customers already on file: a row with the one and a row with the other are the same customer */
  known: readonly { phone: string; customerNo: string }[] = [],
): ParsedTicketRow[][] {
  const parent = new Map<string, string>();
  const find = (k: string): string => {
    let root = k;
    while (parent.get(root) !== root) root = parent.get(root) ?? (parent.set(root, root), root);
    for (let x = k; x !== root; ) {
      const next = parent.get(x)!;
      parent.set(x, root);
      x = next;
    }
    return root;
  };
  const keysOf = (r: ParsedTicketRow) => [r.phone ? `p:${r.phone}` : null, r.customerNo ? `n:${r.customerNo}` : null].filter((k): k is string => k !== null);
  const join = (a: string, b: string) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(rb, ra);
  };
  for (const k of known) join(`p:${k.phone}`, `n:${k.customerNo}`);
  for (const r of rows) {
    const [a, b] = keysOf(r);
    if (a && b) join(a, b);
    else if (a) find(a);
  }
  const out: ParsedTicketRow[][] = Array.from({ length: Math.max(1, lanes) }, () => []);
  for (const r of rows) {
    const [key] = keysOf(r);
    out[key ? laneOf(find(key), out.length) : 0]!.push(r);
  }
  return out.filter((l) => l.length > 0);
}
