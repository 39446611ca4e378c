import type { FeedbackType } from '@app/contracts';

/** Every text of the pages, per language. `{…}` placeholders are filled by the views. */
export interface PageTexts {
  languageName: string;
  languageLabel: string;
  title: string;
  intro: string;
  requiredNote: string;
  requiredMark: string;
  optional: string;
  sections: { you: string; contact: string; feedback: string; consent: string };
  fields: {
    name: string;
    surname: string;
    patronymic: string;
    phone: string;
    email: string;
    contactHint: string;
    store: string;
    storeHint: string;
    storeFreeHint: string;
    employee: string;
    employeeHint: string;
    type: string;
    message: string;
    messageHint: string;
    attachments: string;
    attachmentsHint: string;
    keptAttachments: string;
    captcha: string;
    honeypot: string;
  };
  types: Record<FeedbackType, { label: string; hint: string }>;
  consent: {
    label: string;
    noticeSummary: string;
    notice: (controller: string, contact: string) => string[];
  };
  submit: string;
  errorSummary: string;
  unavailable: string;
  confirmation: {
    title: string;
    lead: string;
    referenceLabel: string;
    keepIt: string;
    referenceLater: string;
    track: string;
    another: string;
  };
  errorPage: { title: string; back: string; retryAfterMinutes: string };
  script: { fileTooLarge: string; tooManyFiles: string; sending: string };
}
