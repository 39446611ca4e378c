import { slaAlerts } from './sla-alerts';

describe('slaAlerts', () => {
  it('sums the per-region rows per target, and lists every target', () => {
    const alerts = slaAlerts({
      cases: { warning: 2, breached: 1 },
      byRegion: [
        { regionCode: 'IST', target: 'registration', warning: 1, breached: 0 },
        { regionCode: 'ANK', target: 'registration', warning: 1, breached: 0 },
        { regionCode: 'ANK', target: 'resolution', warning: 0, breached: 1 },
      ],
    });
    expect(alerts).toMatchObject({
      warning: 2,
      breached: 1,
      byTarget: {
        acknowledge: { warning: 0, breached: 0 },
        registration: { warning: 2, breached: 0 },
        resolution: { warning: 0, breached: 1 },
      },
    });
    expect(alerts.byRegion).toHaveLength(3);
  });

  it('answers zeros, not missing targets, when nothing is late', () => {
    expect(slaAlerts({ cases: { warning: 0, breached: 0 }, byRegion: [] })).toEqual({
      warning: 0,
      breached: 0,
      byTarget: {
        acknowledge: { warning: 0, breached: 0 },
        registration: { warning: 0, breached: 0 },
        resolution: { warning: 0, breached: 0 },
      },
      byRegion: [],
    });
  });
});
