import { markup, type SafeHtml } from './html';

export interface FieldArgs {
  id: string;
  label: string;
  value?: string;
  errors?: readonly string[];
  hint?: string;
  required?: boolean;
  optionalText?: string;
  requiredText: string;
  type?: 'text' | 'tel' | 'email';
  autocomplete?: string;
  inputmode?: string;
  maxlength: number;
  list?: string;
  /** Ids of texts elsewhere (a hint shared by a group) that also describe this field. */
  describedBy?: string[];
}

/** The label line: `*` for required (spoken as the word), "(optional)" for optional fields. */
export function labelText(
  args: Pick<FieldArgs, 'label' | 'required' | 'optionalText' | 'requiredText'>,
) {
  return markup`${args.label}${
    args.required
      ? markup` <span class="req" aria-hidden="true">*</span
          ><span class="sr">(${args.requiredText})</span>`
      : args.optionalText && markup` <span class="opt">(${args.optionalText})</span>`
  }`;
}

/** Hint and error lines of a field, and the ids that `aria-describedby` must name. */
export function notes(args: Pick<FieldArgs, 'id' | 'hint' | 'errors' | 'describedBy'>) {
  const ids = [...(args.describedBy ?? [])];
  const parts: SafeHtml[] = [];
  if (args.hint) {
    ids.push(`${args.id}-hint`);
    parts.push(markup`<p class="hint" id="${args.id}-hint">${args.hint}</p>`);
  }
  if (args.errors?.length) {
    ids.push(`${args.id}-error`);
    parts.push(
      markup`<p class="error" id="${args.id}-error">
        ${args.errors.map((e, i) => markup`${i > 0 && markup`<br />`}${e}`)}
      </p>`,
    );
  }
  return { ids, parts };
}

export function describedBy(ids: string[]): SafeHtml {
  return ids.length ? markup` aria-describedby="${ids.join(' ')}"` : markup``;
}

export function textField(args: FieldArgs): SafeHtml {
  const { ids, parts } = notes(args);
  const invalid = Boolean(args.errors?.length);
  return markup`<div class="field${invalid ? ' has-error' : ''}">
    <label for="${args.id}">${labelText(args)}</label>
    ${parts}
    <input
      type="${args.type ?? 'text'}"
      id="${args.id}"
      name="${args.id}"
      value="${args.value ?? ''}"
      maxlength="${args.maxlength}"
      ${
        args.autocomplete && markup` autocomplete="${args.autocomplete}"`
      }${args.inputmode && markup` inputmode="${args.inputmode}"`}${
        args.list && markup` list="${args.list}"`
      }${args.required && markup` required aria-required="true"`}${
        invalid && markup` aria-invalid="true"`
      }${describedBy(ids)}
    />
  </div>`;
}
