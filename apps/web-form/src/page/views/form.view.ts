import { FEEDBACK_TYPES, type AttachmentRef, type Language } from '@app/contracts';
import { keptValue } from '../../attachments/attachment-intake';
import { ACCEPTED_CONTENT_TYPES } from '../../attachments/content-type.sniffer';
import { HONEYPOT_FIELD } from '../../abuse/submission-screen';
import type { StoreList } from '../../stores/store-catalogue';
import type { FormValues } from '../page-form';
import { PAGE_TEXTS } from '../i18n/page-texts';
import { describedBy, labelText, notes, textField } from './form-fields.view';
import { fill, flag, markup, type SafeHtml } from './html';
import { layout } from './layout.view';

export interface FormView {
  lang: Language;
  values: FormValues;
  /** Messages per field, already in the page's language. */
  errors: Record<string, string[]>;
  stores: StoreList;
  kept: readonly AttachmentRef[];
  limits: { maxFiles: number; maxBytes: number; sizeText: string };
  notice: { controller: string; contact: string; version: string };
  /** A banner above the form: the "please send again" of a 503. */
  banner?: string;
  captcha?: { widgetClass: string; siteKey: string; scriptUrl: string };
}

/** Where the error summary's link for a field takes the customer. */
const ANCHORS: Record<string, string> = {
  contact: 'phone',
  type: `type-${FEEDBACK_TYPES[0]}`,
};

export function formPage(view: FormView): string {
  const t = PAGE_TEXTS[view.lang];
  const f = t.fields;
  const v = view.values;
  const e = view.errors;
  const common = { requiredText: t.requiredMark, optionalText: t.optional };
  const summary = Object.entries(e).flatMap(([field, messages]) =>
    messages.map((m) => markup`<li><a href="#${ANCHORS[field] ?? field}">${m}</a></li>`),
  );
  const contact = notes({ id: 'contact', hint: f.contactHint, errors: e.contact });
  const body = markup`<h1>${t.title}</h1>
    <p class="lead">${t.intro}</p>
    ${view.banner && markup`<div class="banner warn" role="alert" id="banner">${view.banner}</div>`}
    ${
      summary.length > 0 &&
      markup`<div class="summary" role="alert" id="error-summary" tabindex="-1">
        <h2>${t.errorSummary}</h2>
        <ul>
          ${summary}
        </ul>
      </div>`
    }
    <form
      id="feedback-form"
      method="post"
      action="/?lang=${view.lang}"
      enctype="multipart/form-data"
      novalidate
      data-max-files="${view.limits.maxFiles}"
      data-max-bytes="${view.limits.maxBytes}"
      data-max-size="${view.limits.sizeText}"
      data-msg-too-many="${t.script.tooManyFiles}"
      data-msg-too-large="${t.script.fileTooLarge}"
      data-msg-sending="${t.script.sending}"
    >
      <input type="hidden" name="formKey" value="${v.formKey}" />
      <p class="hint">${t.requiredNote}</p>
      <fieldset class="card">
        <legend>${t.sections.you}</legend>
        <div class="pair">
          ${textField({ ...common, id: 'name', label: f.name, value: v.name, errors: e.name, required: true, autocomplete: 'given-name', maxlength: 100 })}
          ${textField({ ...common, id: 'surname', label: f.surname, value: v.surname, errors: e.surname, required: true, autocomplete: 'family-name', maxlength: 100 })}
        </div>
        ${textField({ ...common, id: 'patronymic', label: f.patronymic, value: v.patronymic, errors: e.patronymic, autocomplete: 'additional-name', maxlength: 100 })}
      </fieldset>
      <fieldset class="card${e.contact ? ' has-error' : ''}" ${describedBy(contact.ids)}>
        <legend>${t.sections.contact}</legend>
        ${contact.parts}
        ${textField({ ...common, optionalText: undefined, id: 'phone', label: f.phone, value: v.phone, errors: e.phone, type: 'tel', autocomplete: 'tel', inputmode: 'tel', maxlength: 32 })}
        ${textField({ ...common, optionalText: undefined, id: 'email', label: f.email, value: v.email, errors: e.email, type: 'email', autocomplete: 'email', inputmode: 'email', maxlength: 254 })}
      </fieldset>
      <fieldset class="card">
        <legend>${t.sections.feedback}</legend>
        ${typeChoices(view)} ${storeField(view)}
        ${textField({ ...common, id: 'employee', label: f.employee, value: v.employee, errors: e.employee, hint: f.employeeHint, autocomplete: 'off', maxlength: 200 })}
        ${messageField(view)} ${attachmentsField(view)}
      </fieldset>
      <fieldset class="card">
        <legend>${t.sections.consent}</legend>
        ${consentField(view)}
      </fieldset>
      <div class="hp" aria-hidden="true">
        <label for="${HONEYPOT_FIELD}">${f.honeypot}</label
        ><input
          type="text"
          id="${HONEYPOT_FIELD}"
          name="${HONEYPOT_FIELD}"
          tabindex="-1"
          autocomplete="off"
        />
      </div>
      ${
        view.captcha &&
        markup`<div class="field captcha${e.captcha ? ' has-error' : ''}" id="captcha">
          <p class="label">${f.captcha}</p>
          ${e.captcha && markup`<p class="error">${e.captcha}</p>`}
          <div class="${view.captcha.widgetClass}" data-sitekey="${view.captcha.siteKey}"></div>
        </div>`
      }
      <button type="submit">${t.submit}</button>
    </form>`;
  return layout({
    lang: view.lang,
    title: t.title,
    body,
    captchaScriptUrl: view.captcha?.scriptUrl,
  });
}

function typeChoices(view: FormView): SafeHtml {
  const t = PAGE_TEXTS[view.lang];
  const { ids, parts } = notes({ id: 'type', errors: view.errors.type });
  const choices = FEEDBACK_TYPES.map(
    (type) =>
      markup`<div class="choice">
        <input
          type="radio"
          id="type-${type}"
          name="type"
          value="${type}"
          ${flag('checked', view.values.type === type)}${describedBy(ids)}
        /><label for="type-${type}"
          ><strong>${t.types[type].label}</strong>
          <span class="hint">${t.types[type].hint}</span></label
        >
      </div>`,
  );
  return markup`<fieldset class="field choices${view.errors.type ? ' has-error' : ''}" id="type">
    <legend class="label">
      ${labelText({ label: t.fields.type, required: true, requiredText: t.requiredMark })}
    </legend>
    ${parts}${choices}
  </fieldset>`;
}

function storeField(view: FormView): SafeHtml {
  const t = PAGE_TEXTS[view.lang];
  const listed = view.stores.available && view.stores.stores.length > 0;
  return markup`${textField({
    id: 'store',
    label: t.fields.store,
    value: view.values.store,
    errors: view.errors.store,
    hint: listed ? t.fields.storeHint : t.fields.storeFreeHint,
    requiredText: t.requiredMark,
    optionalText: t.optional,
    autocomplete: 'off',
    maxlength: 200,
    list: listed ? 'store-list' : undefined,
  })}${
    listed &&
    markup`<datalist id="store-list">
      ${view.stores.stores.map((s) => markup`<option value="${s.label}"></option>`)}
    </datalist>`
  }`;
}

function messageField(view: FormView): SafeHtml {
  const t = PAGE_TEXTS[view.lang];
  const { ids, parts } = notes({
    id: 'message',
    hint: t.fields.messageHint,
    errors: view.errors.message,
  });
  return markup`<div class="field${view.errors.message ? ' has-error' : ''}">
    <label for="message"
      >${labelText({ label: t.fields.message, required: true, requiredText: t.requiredMark })}</label
    >
    ${parts}
    <textarea
      id="message"
      name="message"
      rows="7"
      maxlength="10000"
      required
      aria-required="true"
      ${flag('aria-invalid="true"', Boolean(view.errors.message))}${describedBy(ids)}
    >
${view.values.message ?? ''}</textarea>
  </div>`;
}

function attachmentsField(view: FormView): SafeHtml {
  const t = PAGE_TEXTS[view.lang];
  const hint = fill(t.fields.attachmentsHint, {
    max: view.limits.maxFiles,
    size: view.limits.sizeText,
  });
  const { ids, parts } = notes({ id: 'attachments', hint, errors: view.errors.attachments });
  if (view.limits.maxFiles === 0) return markup``;
  const kept = view.kept.map(
    (ref, i) =>
      markup`<li>
        <input type="checkbox" id="kept-${i}" name="kept" value="${keptValue(ref)}" checked /><label
          for="kept-${i}"
          class="opt"
          >${ref.filename} (${Math.ceil(ref.size / 1024)} KB)</label
        >
      </li>`,
  );
  return markup`<div class="field${view.errors.attachments ? ' has-error' : ''}">
    <label for="attachments"
      >${labelText({ label: t.fields.attachments, optionalText: t.optional, requiredText: t.requiredMark })}</label
    >
    ${parts}
    ${
      kept.length > 0 &&
      markup`<p class="hint">${t.fields.keptAttachments}</p>
        <ul class="kept">
          ${kept}
        </ul>`
    }
    <input
      type="file"
      id="attachments"
      name="attachments"
      multiple
      accept="${[...ACCEPTED_CONTENT_TYPES, '.heic', '.heif'].join(',')}"
      ${describedBy(ids)}
    />
    <p class="live" id="attachments-live" aria-live="polite"></p>
  </div>`;
}

function consentField(view: FormView): SafeHtml {
  const t = PAGE_TEXTS[view.lang];
  const { ids, parts } = notes({ id: 'consent', errors: view.errors.consent });
  const notice = t.consent.notice(view.notice.controller, view.notice.contact);
  return markup`<details id="notice">
      <summary>${t.consent.noticeSummary}</summary>
      ${notice.map((p) => markup`<p>${p}</p>`)}
      <p class="version">${view.notice.version}</p>
    </details>
    <div class="field choice${view.errors.consent ? ' has-error' : ''}">
      ${parts}
      <input
        type="checkbox"
        id="consent"
        name="consent"
        value="yes"
        required
        aria-required="true"
        ${flag('checked', view.values.consent)}${describedBy([...ids, 'notice'])}
      />
      <label for="consent">${t.consent.label} <span class="req" aria-hidden="true">*</span></label>
    </div>`;
}
