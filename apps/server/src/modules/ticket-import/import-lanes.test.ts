import { describe, expect, it } from 'vitest';
import { splitIntoLanes } from './import-lanes.js';
import type { ParsedTicketRow } from './parse-ticket-rows.js';

const row = (n: number, phone: string | null, customerNo: string | null = null): ParsedTicketRow => ({
  row: n, type: 'complaint', channel: 'hotline', priority: 'normal', title: `t${n}`, description: '', categoryId: 'c', categoryPath: ['c'],
  orgUnitId: 'o', orgPath: ['o'], phone, customerName: null, customerNo, createdAt: null, escalated: false,
});
const laneWith = (lanes: ParsedTicketRow[][], n: number) => lanes.findIndex((l) => l.some((r) => r.row === n));

describe('import lanes', () => {
  it('keeps every row once, in file order within a lane, and spreads distinct customers over the lanes', () => {
    const rows = Array.from({ length: 1000 }, (_, i) => row(i + 2, `138${String(i).padStart(8, '0')}`));
    const lanes = splitIntoLanes(rows, 2);
    expect(lanes).toHaveLength(2);
    expect(lanes.flat().map((r) => r.row).sort((a, b) => a - b)).toEqual(rows.map((r) => r.row));
    for (const l of lanes) expect(l.map((r) => r.row)).toEqual([...l.map((r) => r.row)].sort((a, b) => a - b));
    for (const l of lanes) expect(l.length).toBeGreaterThan(400);
  });

  it('puts rows that may be one customer in one lane: the same phone, the same number, or linked through a row with both', () => {
    const rows: ParsedTicketRow[] = [];
    for (let i = 0; i < 200; i++) rows.push(row(1000 + i, `139${String(i).padStart(8, '0')}`));
    rows.push(row(2, '13800000001'), row(3, null, 'CN-1'), row(4, '13800000001', 'CN-1'), row(5, null, 'CN-1'), row(6, '13800000001'));
    rows.push(row(7, '13800000002', 'CN-2'), row(8, '13800000003', 'CN-2'), row(9, '13800000003'));
    const lanes = splitIntoLanes(rows, 2);
    expect(new Set([2, 3, 4, 5, 6].map((n) => laneWith(lanes, n))).size).toBe(1);
    expect(new Set([7, 8, 9].map((n) => laneWith(lanes, n))).size).toBe(1);
  });

  it('links a phone and a number that name one customer already on file', () => {
    const rows: ParsedTicketRow[] = [];
    for (let i = 0; i < 200; i++) rows.push(row(1000 + i, null, `CN-${i}`), row(2000 + i, `139${String(i).padStart(8, '0')}`));
    const known = Array.from({ length: 200 }, (_, i) => ({ phone: `139${String(i).padStart(8, '0')}`, customerNo: `CN-${i}` }));
    const lanes = splitIntoLanes(rows, 2, known);
    for (let i = 0; i < 200; i++) expect(laneWith(lanes, 1000 + i)).toBe(laneWith(lanes, 2000 + i));
    expect(lanes).toHaveLength(2);
    // without what is on file the two keys of a customer are unrelated and land apart somewhere
    const apart = splitIntoLanes(rows, 2);
    expect(Array.from({ length: 200 }, (_, i) => laneWith(apart, 1000 + i) !== laneWith(apart, 2000 + i)).some(Boolean)).toBe(true);
  });

  it('one lane takes everything', () => {
    const rows = [row(2, '13800000001'), row(3, null)];
    expect(splitIntoLanes(rows, 1)).toEqual([rows]);
  });
});
