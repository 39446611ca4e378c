import type { ErrorCatalog } from '@app/platform';

/** Status of the web form's own codes; `publish_failed` (Kafka down) is retriable, hence 503. */
export const WEB_FORM_HTTP_STATUS: Record<string, number> = {
  idempotency_key_reused: 422,
  idempotency_key_invalid: 400,
  publish_failed: 503,
};

export const WEB_FORM_ERRORS: ErrorCatalog = {
  tr: {
    'name.required': 'Adınızı yazın.',
    'name.too_long': 'Ad en fazla 100 karakter olabilir.',
    'surname.required': 'Soyadınızı yazın.',
    'surname.too_long': 'Soyad en fazla 100 karakter olabilir.',
    'phone.invalid': 'Geçerli bir telefon numarası yazın (ör. 0532 123 45 67).',
    'email.invalid': 'Geçerli bir e-posta adresi yazın.',
    'contact.phone_or_email':
      'Size ulaşabilmemiz için telefon numaranızı veya e-posta adresinizi yazın.',
    'storeCode.invalid': 'Mağaza kodu geçersiz.',
    'type.required': 'Geri bildirim türünü seçin.',
    'type.invalid_choice': 'Geri bildirim türü şikâyet, talep, öneri veya teşekkür olmalı.',
    'message.required': 'Mesajınızı yazın.',
    'message.too_long': 'Mesaj en fazla 10.000 karakter olabilir.',
    'consent.required':
      'Devam etmek için kişisel verilerinizin işlenmesine (KVKK) onay vermelisiniz.',
    'language.invalid_choice': 'Dil tr, az veya en olmalı.',
    publish_failed: 'Mesajınızı şu anda alamıyoruz; lütfen birkaç saniye sonra tekrar gönderin.',
    idempotency_key_reused: 'Bu Idempotency-Key başka bir içerikle kullanılmış.',
    idempotency_key_invalid: 'Idempotency-Key 1-255 görünür ASCII karakterden oluşmalı.',
  },
  az: {
    'name.required': 'Adınızı yazın.',
    'name.too_long': 'Ad ən çox 100 simvol ola bilər.',
    'surname.required': 'Soyadınızı yazın.',
    'surname.too_long': 'Soyad ən çox 100 simvol ola bilər.',
    'phone.invalid': 'Düzgün telefon nömrəsi yazın (məs. +994 50 123 45 67).',
    'email.invalid': 'Düzgün e-poçt ünvanı yazın.',
    'contact.phone_or_email':
      'Sizinlə əlaqə saxlaya bilməyimiz üçün telefon nömrənizi və ya e-poçt ünvanınızı yazın.',
    'storeCode.invalid': 'Mağaza kodu yanlışdır.',
    'type.required': 'Müraciət növünü seçin.',
    'type.invalid_choice': 'Müraciət növü şikayət, tələb, təklif və ya təşəkkür olmalıdır.',
    'message.required': 'Mesajınızı yazın.',
    'message.too_long': 'Mesaj ən çox 10.000 simvol ola bilər.',
    'consent.required': 'Davam etmək üçün şəxsi məlumatlarınızın emalına razılıq verməlisiniz.',
    'language.invalid_choice': 'Dil tr, az və ya en olmalıdır.',
    publish_failed:
      'Mesajınızı hazırda qəbul edə bilmirik; bir neçə saniyədən sonra yenidən göndərin.',
    idempotency_key_reused: 'Bu Idempotency-Key başqa məzmunla istifadə olunub.',
    idempotency_key_invalid: 'Idempotency-Key 1-255 görünən ASCII simvoldan ibarət olmalıdır.',
  },
  en: {
    'name.required': 'Enter your first name.',
    'name.too_long': 'The first name can be at most 100 characters.',
    'surname.required': 'Enter your surname.',
    'surname.too_long': 'The surname can be at most 100 characters.',
    'phone.invalid': 'Enter a valid phone number (e.g. +90 532 123 45 67).',
    'email.invalid': 'Enter a valid e-mail address.',
    'contact.phone_or_email':
      'Enter your phone number or your e-mail address so that we can reach you.',
    'storeCode.invalid': 'The store code is not valid.',
    'type.required': 'Choose the kind of feedback.',
    'type.invalid_choice': 'The kind of feedback must be complaint, request, suggestion or praise.',
    'message.required': 'Write your message.',
    'message.too_long': 'The message can be at most 10,000 characters.',
    'consent.required': 'To continue, you must consent to the processing of your personal data.',
    'language.invalid_choice': 'The language must be tr, az or en.',
    publish_failed: 'We cannot take your message right now; please send it again in a few seconds.',
    idempotency_key_reused: 'This Idempotency-Key was already used with a different body.',
    idempotency_key_invalid: 'The Idempotency-Key must be 1-255 visible ASCII characters.',
  },
};
