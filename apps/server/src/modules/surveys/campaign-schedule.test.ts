import { describe, expect, it } from 'vitest';
import { nextCampaignRun } from './campaign-schedule.js';

describe('nextCampaignRun', () => {
  it('is 09:00 Beijing time on the first of the next month', () => {
    expect(nextCampaignRun('monthly', new Date('2026-12-03T10:00:00+08:00'))?.toISOString()).toBe('2027-01-01T01:00:00.000Z');
    // 23:30 on 31 January in Beijing is still January there (15:30 UTC)
    expect(nextCampaignRun('monthly', new Date('2027-01-31T23:30:00+08:00'))?.toISOString()).toBe('2027-02-01T01:00:00.000Z');
    // 00:30 on 1 February in Beijing is already February, though UTC still says 31 January
    expect(nextCampaignRun('monthly', new Date('2027-02-01T00:30:00+08:00'))?.toISOString()).toBe('2027-03-01T01:00:00.000Z');
  });
  it('runs quarterly on 1 January, April, July and October', () => {
    expect(nextCampaignRun('quarterly', new Date('2026-11-15T12:00:00+08:00'))?.toISOString()).toBe('2027-01-01T01:00:00.000Z');
    expect(nextCampaignRun('quarterly', new Date('2027-01-01T09:00:00+08:00'))?.toISOString()).toBe('2027-04-01T01:00:00.000Z');
    expect(nextCampaignRun('quarterly', new Date('2027-06-30T23:59:00+08:00'))?.toISOString()).toBe('2027-07-01T01:00:00.000Z');
  });
  it('has no next run for a campaign that runs once', () => {
    expect(nextCampaignRun('once', new Date())).toBeNull();
  });
});
