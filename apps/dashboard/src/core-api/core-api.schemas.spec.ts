import { DeadLetterSummarySchema, SlaStatsSchema } from './core-api.schemas';

const openCases = { byStatus: { created: 3 }, byRegion: [{ regionCode: 'IST', count: 3 }] };

describe('core’s SLA figures as the panel shows them', () => {
  it('takes the warning and breach counts and the registration share from core', () => {
    const sla = SlaStatsSchema.parse({
      openCases,
      registration: { share: 0.5 },
      alerts: {
        warning: 2,
        breached: 1,
        byTarget: {
          acknowledge: { warning: 0, breached: 0 },
          registration: { warning: 2, breached: 0 },
          resolution: { warning: 0, breached: 1 },
        },
      },
    });
    expect(sla).toMatchObject({
      warningsOpen: 2,
      breachedOpen: 1,
      registeredWithinTargetShare: 0.5,
      alertsByTarget: { registration: { warning: 2, breached: 0 } },
    });
  });

  it('shows zeros and no share when core leaves the figures out', () => {
    expect(SlaStatsSchema.parse({ openCases })).toMatchObject({
      warningsOpen: 0,
      breachedOpen: 0,
      registeredWithinTargetShare: null,
      alertsByTarget: {
        acknowledge: { warning: 0, breached: 0 },
        registration: { warning: 0, breached: 0 },
        resolution: { warning: 0, breached: 0 },
      },
    });
  });
});

describe('core’s dead-letter summary as the panel shows it', () => {
  it('adds up the reasons of every channel, letters of no channel included', () => {
    const summary = DeadLetterSummarySchema.parse([
      { channel: 'email', waiting: 3, byReason: { contract_violation: 2, retries_exhausted: 1 } },
      { channel: 'x', waiting: 1, byReason: { contract_violation: 1 } },
      { channel: null, waiting: 1, byReason: { unparsable_mail: 1 } },
    ]);
    expect(summary).toEqual({
      waiting: 5,
      byChannel: { email: 3, x: 1 },
      byReason: { contract_violation: 3, retries_exhausted: 1, unparsable_mail: 1 },
    });
  });
});
