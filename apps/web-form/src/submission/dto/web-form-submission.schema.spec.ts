import { zodFieldErrors } from '@app/platform';
import { webFormSubmissionSchema } from './web-form-submission.schema';

const schema = webFormSubmissionSchema('TR');
const valid = {
  name: ' Ayşe ',
  surname: 'Yılmaz',
  phone: '0532 123 45 67',
  type: 'complaint',
  message: ' İade ',
  consent: true,
};

describe('web form submission', () => {
  it('normalizes Turkish numbers written the local way to E.164 and trims text', () => {
    const parsed = schema.parse(valid);
    expect(parsed).toMatchObject({ name: 'Ayşe', phone: '+905321234567', message: 'İade' });
    expect(schema.parse({ ...valid, phone: '+994 50 123 45 67' }).phone).toBe('+994501234567');
  });

  it('treats empty strings as not given, and needs a phone or an e-mail', () => {
    const result = schema.safeParse({ ...valid, phone: '', email: '  ' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['contact', 'phone_or_email'],
    ]);
    expect(schema.parse({ ...valid, phone: '', email: 'ayse@example.com' }).email).toBe(
      'ayse@example.com',
    );
  });

  it('refuses numbers that cannot be dialled and consent that was not given', () => {
    const result = schema.safeParse({ ...valid, phone: '0532 12', consent: false });
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message]).sort()).toEqual([
      ['consent', 'required'],
      ['phone', 'invalid'],
    ]);
  });
});

describe('web form submission, optional people', () => {
  it('keeps a patronymic and the employee involved, and treats blanks as not given', () => {
    const parsed = schema.parse({ ...valid, patronymic: ' Mehmet ', employee: 'Kasiyer Ali' });
    expect(parsed).toMatchObject({ patronymic: 'Mehmet', employee: 'Kasiyer Ali' });
    const blank = schema.parse({ ...valid, patronymic: '', employee: '  ' });
    expect(blank.patronymic).toBeUndefined();
    expect(blank.employee).toBeUndefined();
  });
});

describe('web form submission, the kind of feedback', () => {
  it('tells a missing type from a wrong one', () => {
    const { type: _type, ...withoutType } = valid;
    const missing = schema.safeParse(withoutType);
    const wrong = schema.safeParse({ ...valid, type: 'spam' });
    expect(missing.success || zodFieldErrors(missing.error, withoutType)).toEqual([
      { field: 'type', rule: 'required' },
    ]);
    expect(wrong.success || zodFieldErrors(wrong.error, { ...valid, type: 'spam' })).toEqual([
      { field: 'type', rule: 'invalid_choice' },
    ]);
  });
});
