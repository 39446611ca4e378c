import type { TemplateText, TemplateVariable } from './reply-template.defaults';

export type TemplateValues = Partial<Record<TemplateVariable, string>>;

/**
 * Fills `{{name}}` placeholders. An unknown or missing variable becomes empty rather than
 * leaking the placeholder syntax to a customer.
 */
export function renderTemplate(template: TemplateText, values: TemplateValues): TemplateText {
  const fill = (text: string) =>
    text.replace(/\{\{\s*([A-Za-z]+)\s*\}\}/g, (_, name: string) =>
      Object.hasOwn(values, name) ? (values[name as TemplateVariable] ?? '') : '',
    );
  return { subject: fill(template.subject), body: fill(template.body) };
}

/** Placeholders a template uses that are not variables: refused when an admin saves it. */
export function unknownPlaceholders(text: string, known: readonly string[]): string[] {
  const used = [...text.matchAll(/\{\{\s*([^}]*?)\s*\}\}/g)].map((m) => m[1]);
  return [...new Set(used.filter((name) => !known.includes(name)))];
}
