import { ConfigException, parseByteSize } from '@app/platform';

import { loadCallCenterConfig } from './call-center.config';

const required = {
  CALL_CENTER_WEBHOOK_SECRET: 'a'.repeat(32),
  METRICS_TOKEN: 'metrics-token-0123456789',
};

function problems(source: Record<string, string>): string[] {
  try {
    loadCallCenterConfig(source);
    return [];
  } catch (error) {
    if (error instanceof ConfigException) return error.problems;
    throw error;
  }
}

describe('call centre configuration', () => {
  it('runs on port 3002 with a 5-minute replay window and a 2 s reference wait by default', () => {
    expect(loadCallCenterConfig(required)).toMatchObject({
      port: 3002,
      webhookSecrets: { current: 'a'.repeat(32) },
      signatureToleranceSeconds: 300,
      bodyLimitBytes: 256 * 1024,
      referenceWaitMs: 2_000,
      trackingUrl: 'http://localhost:3001/track',
    });
  });

  it('refuses to start without a strong secret, and names every wrong variable', () => {
    const found = problems({
      METRICS_TOKEN: required.METRICS_TOKEN,
      CALL_CENTER_BODY_LIMIT: 'huge',
      CALL_CENTER_TRACKING_URL: '/track',
    }).join('\n');
    expect(found).toContain('CALL_CENTER_WEBHOOK_SECRET');
    expect(found).toContain('CALL_CENTER_BODY_LIMIT');
    expect(found).toContain('CALL_CENTER_TRACKING_URL');
    expect(problems({ ...required, CALL_CENTER_WEBHOOK_SECRET: 'short' }).join('\n')).toContain(
      'at least 32 characters',
    );
  });

  it('reads sizes the way Express writes them', () => {
    expect(parseByteSize('64kb')).toBe(65_536);
    expect(parseByteSize('1.5MB')).toBe(1_572_864);
    expect(parseByteSize('4096')).toBe(4_096);
    expect(parseByteSize('1 gb')).toBeUndefined();
  });
});
