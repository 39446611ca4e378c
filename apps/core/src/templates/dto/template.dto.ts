import { LanguageSchema, type Language } from '@app/contracts';
import { z } from 'zod';
import { TEMPLATE_KINDS, type TemplateKind } from '../reply-template.defaults';
import type { StoredTemplate } from '../reply-template.repository';

export const TemplateKeySchema = z.object({
  kind: z.enum(TEMPLATE_KINDS),
  language: LanguageSchema,
});

export const UpdateTemplateRequestSchema = z.strictObject({
  subject: z.string().trim().min(1).max(998),
  body: z.string().trim().min(1).max(10_000),
});
export type UpdateTemplateRequest = z.infer<typeof UpdateTemplateRequestSchema>;

export interface TemplateResponse {
  kind: TemplateKind;
  language: Language;
  subject: string;
  body: string;
  /** The `{{name}}` placeholders a template may use. */
  variables: readonly string[];
  updatedAt: string;
  updatedBy: string;
}

export function toTemplateResponse(
  t: StoredTemplate,
  variables: readonly string[],
): TemplateResponse {
  return {
    kind: t.kind,
    language: t.language,
    subject: t.subject,
    body: t.body,
    variables,
    updatedAt: t.updatedAt.toISOString(),
    updatedBy: t.updatedBy,
  };
}
