import type { Language } from '@app/contracts';

/**
 * What a template is for. Status updates have one template per status, because what the customer
 * is told (and asked) differs: after Resolved they are asked whether they agree.
 */
export const TEMPLATE_KINDS = [
  'acknowledgement',
  'status_in_progress',
  'status_under_review',
  'status_resolved',
  'status_closed',
  'resolution_delay',
  'survey',
] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

export interface TemplateText {
  subject: string;
  body: string;
}

/**
 * The variables a template may use, as `{{name}}`. None of them is personal data: a template
 * never greets the customer by name, so a reply's text can be logged in an incident.
 */
export const TEMPLATE_VARIABLES = [
  'reference',
  'trackingLink',
  'registrationDue',
  'resolutionDue',
  'newDate',
  'reason',
] as const;
export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number];

/** The texts core starts with; admins change them through `PUT /api/v1/templates/:kind/:language`. */
export const DEFAULT_TEMPLATES: Record<TemplateKind, Record<Language, TemplateText>> = {
  acknowledgement: {
    tr: {
      subject: 'Başvurunuz alındı: {{reference}}',
      body:
        'Geri bildiriminiz için teşekkür ederiz. Başvuru numaranız: {{reference}}.\n' +
        'Başvurunuzun kaydını en geç {{registrationDue}} tarihine kadar onaylayacak, en geç ' +
        '{{resolutionDue}} tarihine kadar çözmeyi hedefleyeceğiz.\n' +
        'Durumunu istediğiniz zaman buradan izleyebilirsiniz: {{trackingLink}}',
    },
    az: {
      subject: 'Müraciətiniz qəbul edildi: {{reference}}',
      body:
        'Rəyiniz üçün təşəkkür edirik. Müraciət nömrəniz: {{reference}}.\n' +
        'Müraciətinizin qeydiyyatını ən gec {{registrationDue}} tarixinədək təsdiqləyəcək, ən gec ' +
        '{{resolutionDue}} tarixinədək həll etməyi hədəfləyirik.\n' +
        'Vəziyyətini istənilən vaxt buradan izləyə bilərsiniz: {{trackingLink}}',
    },
    en: {
      subject: 'We have received your feedback: {{reference}}',
      body:
        'Thank you for your feedback. Your reference number is {{reference}}.\n' +
        'We will confirm its registration by {{registrationDue}} and aim to resolve it by ' +
        '{{resolutionDue}}.\n' +
        'You can follow it at any time here: {{trackingLink}}',
    },
  },
  status_in_progress: {
    tr: {
      subject: 'Başvurunuz işleme alındı: {{reference}}',
      body: '{{reference}} numaralı başvurunuz işleme alındı (İşlem Sırasında).\nDurumu: {{trackingLink}}',
    },
    az: {
      subject: 'Müraciətiniz icraya götürüldü: {{reference}}',
      body: '{{reference}} nömrəli müraciətiniz icraya götürüldü (İcra olunur).\nVəziyyəti: {{trackingLink}}',
    },
    en: {
      subject: 'We are working on your case: {{reference}}',
      body: 'Your case {{reference}} is now In Progress.\nStatus: {{trackingLink}}',
    },
  },
  status_under_review: {
    tr: {
      subject: 'Başvurunuz gözden geçiriliyor: {{reference}}',
      body: '{{reference}} numaralı başvurunuz gözden geçiriliyor.\nDurumu: {{trackingLink}}',
    },
    az: {
      subject: 'Müraciətiniz nəzərdən keçirilir: {{reference}}',
      body: '{{reference}} nömrəli müraciətiniz nəzərdən keçirilir.\nVəziyyəti: {{trackingLink}}',
    },
    en: {
      subject: 'Your case is under review: {{reference}}',
      body: 'Your case {{reference}} is now Under Review.\nStatus: {{trackingLink}}',
    },
  },
  status_resolved: {
    tr: {
      subject: 'Başvurunuz çözümlendi: {{reference}}',
      body:
        '{{reference}} numaralı başvurunuz çözümlendi.\n' +
        'Çözümü kabul ediyor musunuz? Lütfen buradan bildirin: {{trackingLink}}\n' +
        'Sorun devam ediyorsa yine aynı sayfadan başvurunuzu yeniden açabilirsiniz.',
    },
    az: {
      subject: 'Müraciətiniz həll olundu: {{reference}}',
      body:
        '{{reference}} nömrəli müraciətiniz həll olundu.\n' +
        'Həll ilə razısınızmı? Zəhmət olmasa buradan bildirin: {{trackingLink}}\n' +
        'Problem davam edirsə, eyni səhifədən müraciəti yenidən aça bilərsiniz.',
    },
    en: {
      subject: 'Your case is resolved: {{reference}}',
      body:
        'Your case {{reference}} has been resolved.\n' +
        'Do you agree with the solution? Please tell us here: {{trackingLink}}\n' +
        'If the problem remains, you can reopen the case on the same page.',
    },
  },
  status_closed: {
    tr: {
      subject: 'Başvurunuz kapatıldı: {{reference}}',
      body: '{{reference}} numaralı başvurunuz kapatıldı. Bize yazdığınız için teşekkür ederiz.',
    },
    az: {
      subject: 'Müraciətiniz bağlandı: {{reference}}',
      body: '{{reference}} nömrəli müraciətiniz bağlandı. Bizə yazdığınız üçün təşəkkür edirik.',
    },
    en: {
      subject: 'Your case is closed: {{reference}}',
      body: 'Your case {{reference}} is closed. Thank you for writing to us.',
    },
  },
  resolution_delay: {
    tr: {
      subject: 'Başvurunuzla ilgili gecikme: {{reference}}',
      body:
        '{{reference}} numaralı başvurunuzu hedeflediğimiz {{resolutionDue}} tarihine kadar ' +
        'çözemeyeceğiz.\nNedeni: {{reason}}\nYeni hedef tarihimiz: {{newDate}}.\n' +
        'Durumu: {{trackingLink}}',
    },
    az: {
      subject: 'Müraciətinizlə bağlı gecikmə: {{reference}}',
      body:
        '{{reference}} nömrəli müraciətinizi hədəflədiyimiz {{resolutionDue}} tarixinədək həll ' +
        'edə bilməyəcəyik.\nSəbəbi: {{reason}}\nYeni hədəf tarix: {{newDate}}.\n' +
        'Vəziyyəti: {{trackingLink}}',
    },
    en: {
      subject: 'A delay on your case: {{reference}}',
      body:
        'We will not be able to resolve your case {{reference}} by {{resolutionDue}} as aimed.\n' +
        'Why: {{reason}}\nOur new target date: {{newDate}}.\nStatus: {{trackingLink}}',
    },
  },
  survey: {
    tr: {
      subject: 'Memnuniyetinizi ölçmek istiyoruz: {{reference}}',
      body:
        '{{reference}} numaralı başvurunuzun ele alınışından ne kadar memnun kaldınız? ' +
        '1 (hiç) ile 5 (çok) arasında bir puanı bu mesaja yanıt olarak yazabilir ya da ' +
        'buradan puan ve yorum bırakabilirsiniz: {{trackingLink}}',
    },
    az: {
      subject: 'Məmnunluğunuzu ölçmək istəyirik: {{reference}}',
      body:
        '{{reference}} nömrəli müraciətinizə baxılmasından nə qədər məmnun qaldınız? ' +
        '1 (heç) ilə 5 (çox) arasında bir balı bu mesaja cavab olaraq yaza və ya buradan bal ' +
        'və şərh qoya bilərsiniz: {{trackingLink}}',
    },
    en: {
      subject: 'How did we do? {{reference}}',
      body:
        'How satisfied are you with how we handled your case {{reference}}? Reply to this ' +
        'message with a score from 1 (not at all) to 5 (very), or leave a score and a comment ' +
        'here: {{trackingLink}}',
    },
  },
};
