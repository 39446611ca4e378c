import { loadWebFormConfig } from '../../apps/web-form/src/config/web-form.config';

describe('web form configuration', () => {
  it('has defaults for everything but the database and the broker, and refuses bad values', () => {
    const config = loadWebFormConfig({
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/x',
      KAFKA_BROKERS: '127.0.0.1:9092',
      METRICS_TOKEN: 'metrics-token-0123456789',
    });
    expect(config).toMatchObject({
      rateLimit: { max: 20, windowSeconds: 3600 },
      trackRateLimit: { max: 30, windowSeconds: 3600 },
      attachments: { maxFiles: 5, maxBytes: 5 * 1024 * 1024 },
      captcha: { provider: 'off' },
      corsOrigins: [],
      trustProxy: false,
      coreUrl: 'http://127.0.0.1:3000',
      timeZone: 'Europe/Istanbul',
    });
    expect(() =>
      loadWebFormConfig({
        DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/x',
        KAFKA_BROKERS: '127.0.0.1:9092',
        METRICS_TOKEN: 'metrics-token-0123456789',
        WEB_FORM_CORS_ORIGINS: 'https://shop.example/path',
        WEB_FORM_CAPTCHA_PROVIDER: 'hcaptcha',
        WEB_FORM_TIME_ZONE: 'Mars/Olympus',
      }),
    ).toThrow(
      /WEB_FORM_CORS_ORIGINS[\s\S]*WEB_FORM_TIME_ZONE|WEB_FORM_TIME_ZONE[\s\S]*WEB_FORM_CORS_ORIGINS/,
    );
  });
});
