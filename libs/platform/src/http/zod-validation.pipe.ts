import { PipeTransform } from '@nestjs/common';
import type { z } from 'zod';
import { HttpEdgeException, type FieldError } from './http.exception';

/** Rule names come from our schemas (custom messages) or from zod's issue codes. */
function ruleOf(issue: z.core.$ZodIssue, input: unknown): FieldError[] {
  const field = issue.path.map(String).join('.');
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({
        field: field ? `${field}.${key}` : key,
        rule: 'unknown_field',
      }));
    case 'invalid_type':
      return [
        { field, rule: valueAt(input, issue.path) === undefined ? 'required' : 'invalid_type' },
      ];
    case 'too_big':
      return [{ field, rule: 'too_long' }];
    case 'too_small':
      return [
        {
          field,
          rule: issue.minimum === 1 && issue.origin === 'string' ? 'required' : 'too_short',
        },
      ];
    case 'invalid_value':
      return [{ field, rule: 'invalid_choice' }];
    case 'custom':
      return [{ field, rule: issue.message }];
    default:
      return [{ field, rule: 'invalid' }];
  }
}

function valueAt(input: unknown, path: PropertyKey[]): unknown {
  let current = input;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

export function zodFieldErrors(error: z.ZodError, input: unknown): FieldError[] {
  return error.issues.flatMap((issue) => ruleOf(issue, input));
}

/** Validates a request body against a zod schema; failures become per-field errors. */
export class ZodValidationPipe<S extends z.ZodType> implements PipeTransform<unknown, z.infer<S>> {
  constructor(private readonly schema: S) {}

  transform(value: unknown): z.infer<S> {
    const result = this.schema.safeParse(value ?? {});
    if (result.success) return result.data;
    throw HttpEdgeException.validation(zodFieldErrors(result.error, value));
  }
}
