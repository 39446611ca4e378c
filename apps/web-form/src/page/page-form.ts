import { FEEDBACK_TYPES, type FeedbackType } from '@app/contracts';
import { randomUUID } from 'node:crypto';

/** What the customer typed, as the form shows it again (never trimmed or normalized). */
export interface FormValues {
  /** One per form shown: a second post of the same form is the same submission. */
  formKey: string;
  name?: string;
  surname?: string;
  patronymic?: string;
  phone?: string;
  email?: string;
  store?: string;
  employee?: string;
  type?: FeedbackType;
  message?: string;
  consent: boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const TEXT_FIELDS = [
  'name',
  'surname',
  'patronymic',
  'phone',
  'email',
  'store',
  'employee',
  'message',
] as const;

/** The first value of a field: a repeated field is an array in a multipart body. */
export function fieldValue(body: Record<string, unknown>, field: string): string | undefined {
  const raw = body[field];
  const first = Array.isArray(raw) ? (raw as unknown[])[0] : raw;
  return typeof first === 'string' ? first : undefined;
}

export function fieldValues(body: Record<string, unknown>, field: string): string[] {
  const raw = body[field];
  return (Array.isArray(raw) ? (raw as unknown[]) : [raw]).filter(
    (v): v is string => typeof v === 'string',
  );
}

export function emptyForm(): FormValues {
  return { formKey: randomUUID(), consent: false };
}

export function formValues(body: Record<string, unknown>): FormValues {
  const key = fieldValue(body, 'formKey');
  const values: FormValues = {
    formKey: key && UUID.test(key) ? key : randomUUID(),
    consent: fieldValue(body, 'consent') !== undefined,
  };
  for (const field of TEXT_FIELDS) {
    // Longer than any rule allows is refused anyway; what is shown again need not be longer.
    const value = fieldValue(body, field)?.slice(0, 20_000);
    if (value !== undefined) values[field] = value;
  }
  const type = fieldValue(body, 'type');
  if ((FEEDBACK_TYPES as readonly string[]).includes(type ?? ''))
    values.type = type as FeedbackType;
  return values;
}

/** The submission the shared schema checks; the store is resolved separately. */
export function feedbackInput(values: FormValues): Record<string, unknown> {
  return {
    name: values.name ?? '',
    surname: values.surname ?? '',
    patronymic: values.patronymic,
    phone: values.phone,
    email: values.email,
    employee: values.employee,
    type: values.type,
    message: values.message ?? '',
    consent: values.consent,
  };
}
