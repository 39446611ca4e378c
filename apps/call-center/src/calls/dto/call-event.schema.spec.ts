import { zodFieldErrors } from '@app/platform';
import { CALL_EVENT_SCHEMA } from '../openapi/call-event.schemas';
import { CALL_EVENT_EXAMPLE, WITHHELD_CALL_EXAMPLE } from '../openapi/call-event.examples';
import { CALL_CENTER_ERRORS } from '../call-center.errors';
import { callEventSchema } from './call-event.schema';

const schema = callEventSchema('TR');

function rules(input: unknown): Record<string, string> {
  const result = schema.safeParse(input);
  if (result.success) return {};
  return Object.fromEntries(zodFieldErrors(result.error, input).map((e) => [e.field, e.rule]));
}

describe('call event payload', () => {
  it('takes the documented examples', () => {
    expect(schema.parse(CALL_EVENT_EXAMPLE)).toMatchObject({
      callerNumber: '+905321234567',
      storeCode: 'IST-KDK-01',
    });
    expect(schema.parse(WITHHELD_CALL_EXAMPLE)).toMatchObject({
      callerNumber: undefined,
      customer: { phone: '+905337654321' },
    });
  });

  it('normalizes numbers to E.164, upper-cases store codes and trims text', () => {
    const parsed = schema.parse({
      ...CALL_EVENT_EXAMPLE,
      callerNumber: '0 (532) 123-45-67',
      calledLine: 'queue-7',
      storeCode: ' ist-kdk-01 ',
      notes: '  İade  ',
    });
    expect(parsed).toMatchObject({
      callerNumber: '+905321234567',
      // A queue name is no phone number: kept as the telephony system named the line.
      calledLine: 'queue-7',
      storeCode: 'IST-KDK-01',
      notes: 'İade',
    });
  });

  it.each(['anonymous', 'Withheld', 'GİZLİ'.toLocaleLowerCase('tr'), '', null])(
    'treats %j as a withheld caller number',
    (callerNumber) => {
      const parsed = schema.parse({ ...WITHHELD_CALL_EXAMPLE, callerNumber });
      expect(parsed.callerNumber).toBeUndefined();
    },
  );

  it('needs a contact when the number is withheld, and notes or a transcript', () => {
    expect(
      rules({ ...CALL_EVENT_EXAMPLE, callerNumber: 'private', customer: {}, notes: '' }),
    ).toEqual({ callerNumber: 'withheld_needs_contact', notes: 'notes_or_transcript' });
  });

  it('reports cross-field rules alongside wrong fields, but not for a body that is no object', () => {
    expect(
      rules({ ...CALL_EVENT_EXAMPLE, callId: 'with space', endedAt: CALL_EVENT_EXAMPLE.startedAt }),
    ).toEqual({
      callId: 'invalid',
      endedAt: 'not_after_start',
    });
    expect(rules([])).toEqual({ '': 'invalid_type' });
  });

  it('refuses plain-http recording links and unknown fields', () => {
    expect(
      rules({ ...CALL_EVENT_EXAMPLE, recordingUrl: 'http://x.example/1.mp3', duration: 462 }),
    ).toEqual({ recordingUrl: 'invalid', duration: 'unknown_field' });
  });

  it('has a message in every language for every field rule it can report', () => {
    const keys = Object.keys(CALL_CENTER_ERRORS.tr).filter((k) => k.includes('.'));
    for (const language of ['az', 'en'] as const) {
      expect(Object.keys(CALL_CENTER_ERRORS[language]).sort()).toEqual(
        Object.keys(CALL_CENTER_ERRORS.tr).sort(),
      );
    }
    const reported = [
      rules({
        ...CALL_EVENT_EXAMPLE,
        callId: '',
        agent: {},
        calledLine: '',
        startedAt: 'x',
        endedAt: 'y',
      }),
      rules({ ...CALL_EVENT_EXAMPLE, callId: 'a'.repeat(201), notes: 'n'.repeat(10_001) }),
      rules({
        ...CALL_EVENT_EXAMPLE,
        callerNumber: 'gizli',
        customer: { email: 'x' },
        type: 'x',
        language: 'de',
      }),
    ].flatMap((r) => Object.entries(r).map(([field, rule]) => `${field}.${rule}`));
    expect(reported.filter((key) => !keys.includes(key))).toEqual([]);
  });

  it('is described field for field in the OpenAPI document', () => {
    const zodFields = Object.keys(schema.shape).sort();
    expect(Object.keys(CALL_EVENT_SCHEMA.properties ?? {}).sort()).toEqual(zodFields);
  });
});
