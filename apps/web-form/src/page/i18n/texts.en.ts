import type { PageTexts } from './page-texts.type';

export const EN_TEXTS: PageTexts = {
  languageName: 'English',
  languageLabel: 'Language',
  title: 'Feedback, Suggestions and Complaints',
  intro:
    'Use this form to send us a complaint, a request, a suggestion or a word of thanks. Every case gets a reference number and is handled free of charge, impartially and in the order it arrives, following ISO 10002.',
  requiredNote: 'Fields marked * are required.',
  requiredMark: 'required',
  optional: 'optional',
  sections: {
    you: 'About you',
    contact: 'How to reach you',
    feedback: 'Your feedback',
    consent: 'Your personal data',
  },
  fields: {
    name: 'First name',
    surname: 'Surname',
    patronymic: 'Patronymic',
    phone: 'Phone number',
    email: 'E-mail address',
    contactHint:
      'Give your phone number or your e-mail address (or both) so that we can reach you.',
    store: 'Store',
    storeHint: 'Start typing the store’s name, district or city and pick it from the list.',
    storeFreeHint:
      'The store list cannot be loaded right now; you can type the store’s name and district.',
    employee: 'Employee involved',
    employeeHint: 'If you know it, the employee’s name or role (e.g. cashier).',
    type: 'Kind of feedback',
    message: 'Your message',
    messageHint:
      'What happened, when and where? A receipt or order number, if you have one, helps us act faster.',
    attachments: 'Attachments',
    attachmentsHint:
      'Up to {max} files of at most {size} each: JPEG, PNG, WebP or HEIC photos, or PDF documents.',
    keptAttachments: 'Files you attached (untick to remove)',
    captcha: 'Robot check',
    honeypot: 'Leave this field empty',
  },
  types: {
    complaint: { label: 'Complaint', hint: 'Something went wrong.' },
    request: { label: 'Request', hint: 'You would like something from us.' },
    suggestion: { label: 'Suggestion', hint: 'You have an idea.' },
    praise: { label: 'Praise', hint: 'You were pleased.' },
  },
  consent: {
    label:
      'I have read the privacy notice and agree that my personal data is processed as it describes so that my feedback can be handled.',
    noticeSummary: 'Privacy notice (KVKK / GDPR)',
    notice: (controller, contact) => [
      `Data controller: ${controller}. The first name, surname, patronymic, phone number, e-mail address, the store and employee your feedback is about, your message and the files you attach are processed under the Turkish Personal Data Protection Law No. 6698 (KVKK) and, where it applies, the EU General Data Protection Regulation (GDPR).`,
      'Purpose and legal basis: your data is processed only to record, investigate and resolve your feedback following our ISO 10002 complaint-handling process, to pass it to the store and regional manager concerned, to tell you how it stands and to ask whether you are satisfied. The legal bases are your consent, our obligation to resolve your case and our legitimate interest (KVKK art. 5; GDPR art. 6).',
      'Sharing: your data stays within our organisation and is seen only by the authorised staff handling your case. It is not shared with third parties without your consent, except where an authority empowered by law requires it.',
      'Retention: after your case is closed, your data is kept for the periods the law requires and then deleted, destroyed or anonymised.',
      'Your rights: under KVKK art. 11 you may learn whether your personal data is processed and request information about it, learn the purpose of the processing and whether the data is used accordingly, know the third parties it was transferred to, ask for incomplete or wrong data to be corrected and for data to be deleted or destroyed, ask for these steps to be notified to those third parties, object to a result against you that arises solely from automated analysis, and claim compensation for damage caused by unlawful processing. Where the GDPR applies you also have the rights of access, rectification, erasure, restriction of processing, data portability and objection (GDPR art. 15–21), and may complain to a supervisory authority.',
      `Requests: send requests about these rights to ${contact}. You may withdraw your consent at any time; this does not affect processing before the withdrawal.`,
    ],
  },
  submit: 'Send',
  errorSummary: 'Please correct the following:',
  unavailable:
    'We cannot take your message right now. What you wrote is still here; please send it again in a few seconds.',
  confirmation: {
    title: 'We have received your feedback',
    lead: 'Thank you. Your feedback has been recorded and passed to the team concerned.',
    referenceLabel: 'Your reference number',
    keepIt: 'Keep this number: you can follow your case with it and quote it when you write to us.',
    referenceLater: 'Your reference number will be sent to you by e-mail or SMS shortly.',
    track: 'Follow the status of my case',
    another: 'Send another',
  },
  errorPage: {
    title: 'Something went wrong',
    back: 'Back to the form',
    retryAfterMinutes: 'You can try again in about {minutes} minutes.',
  },
  script: {
    fileTooLarge: '{file}: the file is too large; each file can be at most {size}.',
    tooManyFiles: 'You can attach at most {max} files.',
    sending: 'Sending…',
  },
};
