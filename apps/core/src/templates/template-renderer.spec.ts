import { renderTemplate, unknownPlaceholders } from './template-renderer';

describe('reply templates', () => {
  it('fills variables and leaves no placeholder behind', () => {
    const out = renderTemplate(
      { subject: 'Ref {{reference}}', body: 'See {{ trackingLink }} {{nope}}' },
      { reference: 'KM-2026-000001-7', trackingLink: 'http://x/track' },
    );
    expect(out).toEqual({ subject: 'Ref KM-2026-000001-7', body: 'See http://x/track ' });
  });

  it('names placeholders that are not variables', () => {
    expect(unknownPlaceholders('{{reference}} {{name}}', ['reference'])).toEqual(['name']);
  });
});
