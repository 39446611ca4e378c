import type { ErrorCatalog } from '@app/platform';

/** Status of the web form's own codes; `publish_failed` (Kafka down) is retriable, hence 503. */
export const WEB_FORM_HTTP_STATUS: Record<string, number> = {
  idempotency_key_reused: 422,
  idempotency_key_invalid: 400,
  publish_failed: 503,
  rate_limited: 429,
  captcha_unavailable: 503,
  cross_site_form: 403,
  blob_io: 503,
};

/**
 * Field messages and codes of the web form. `{max}` and `{size}` in the attachment messages are
 * filled in by the page with the configured limits.
 */

export const WEB_FORM_ERRORS: ErrorCatalog = {
  tr: {
    'reference.required': 'Referans numaranızı yazın.',
    'reference.malformed': 'Referans numarası KM-2026-004217-3 biçiminde olmalı.',
    'reference.bad_check_digit':
      'Bu referans numarasında bir hane yanlış görünüyor; numarayı kontrol edin.',
    'verify.required': 'Telefonunuzun son 4 hanesini veya e-posta adresinizi yazın.',
    'verify.invalid': 'Telefonun son 4 hanesini (ör. 4567) veya geçerli bir e-posta adresi yazın.',
    'score.required': '1 ile 5 arasında bir puan seçin.',
    'comment.too_long': 'Yorum en fazla 1.000 karakter olabilir.',
    'track.rate_limited': 'Çok sayıda sorgu yapıldı; lütfen bir süre sonra yeniden deneyin.',
    'page.payload_too_large':
      'Gönderdiğiniz dosyalar bu formun kabul edebileceğinden çok büyük; daha az veya daha küçük dosyalarla yeniden deneyin.',
    'page.validation_failed': 'Form eksik veya bozuk ulaştı; lütfen formu yeniden doldurun.',
    'page.not_found': 'Aradığınız sayfa bulunamadı.',
    'page.internal_error': 'Beklenmeyen bir hata oluştu; lütfen biraz sonra yeniden deneyin.',
    'patronymic.too_long': 'Baba adı en fazla 100 karakter olabilir.',
    'employee.too_long': 'Çalışan bilgisi en fazla 200 karakter olabilir.',
    'store.unknown': 'Bu mağazayı listede bulamadık; listeden seçin ya da boş bırakın.',
    'attachments.too_large': 'Dosya çok büyük; her dosya en fazla {size} olabilir.',
    'attachments.too_many': 'En fazla {max} dosya ekleyebilirsiniz.',
    'attachments.type_not_allowed':
      'Yalnızca JPEG, PNG, WebP, HEIC fotoğrafları ve PDF belgeleri eklenebilir.',
    'attachments.kept_missing': 'Daha önce eklediğiniz dosya bulunamadı; lütfen yeniden ekleyin.',
    'captcha.captcha_failed': 'Lütfen robot olmadığınızı doğrulayın.',
    'captchaToken.captcha_failed': 'Robot doğrulaması başarısız oldu.',
    rate_limited:
      'Bu bağlantıdan çok sayıda gönderim yapıldı; lütfen bir süre sonra tekrar deneyin.',
    captcha_unavailable:
      'Robot doğrulaması şu anda yapılamıyor; lütfen birkaç dakika sonra tekrar deneyin.',
    cross_site_form: 'Form başka bir siteden gönderilemez.',
    blob_io: 'Ekleriniz şu anda kaydedilemedi; lütfen biraz sonra tekrar deneyin.',
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
    'reference.required': 'İstinad nömrənizi yazın.',
    'reference.malformed': 'İstinad nömrəsi KM-2026-004217-3 formatında olmalıdır.',
    'reference.bad_check_digit': 'Bu istinad nömrəsində bir rəqəm səhv görünür; nömrəni yoxlayın.',
    'verify.required': 'Telefonunuzun son 4 rəqəmini və ya e-poçt ünvanınızı yazın.',
    'verify.invalid': 'Telefonun son 4 rəqəmini (məs. 4567) və ya düzgün e-poçt ünvanı yazın.',
    'score.required': '1 ilə 5 arasında qiymət seçin.',
    'comment.too_long': 'Şərh ən çox 1.000 simvol ola bilər.',
    'track.rate_limited': 'Çoxlu sorğu edilib; bir müddət sonra yenidən cəhd edin.',
    'page.payload_too_large':
      'Göndərdiyiniz fayllar bu formanın qəbul edə biləcəyindən çox böyükdür; daha az və ya daha kiçik fayllarla yenidən cəhd edin.',
    'page.validation_failed': 'Forma natamam və ya zədələnmiş çatdı; formu yenidən doldurun.',
    'page.not_found': 'Axtardığınız səhifə tapılmadı.',
    'page.internal_error': 'Gözlənilməz xəta baş verdi; bir az sonra yenidən cəhd edin.',
    'patronymic.too_long': 'Ata adı ən çox 100 simvol ola bilər.',
    'employee.too_long': 'İşçi məlumatı ən çox 200 simvol ola bilər.',
    'store.unknown': 'Bu mağazanı siyahıda tapmadıq; siyahıdan seçin və ya boş saxlayın.',
    'attachments.too_large': 'Fayl çox böyükdür; hər fayl ən çox {size} ola bilər.',
    'attachments.too_many': 'Ən çox {max} fayl əlavə edə bilərsiniz.',
    'attachments.type_not_allowed':
      'Yalnız JPEG, PNG, WebP, HEIC şəkilləri və PDF sənədləri əlavə etmək olar.',
    'attachments.kept_missing': 'Əvvəl əlavə etdiyiniz fayl tapılmadı; yenidən əlavə edin.',
    'captcha.captcha_failed': 'Robot olmadığınızı təsdiqləyin.',
    'captchaToken.captcha_failed': 'Robot yoxlaması uğursuz oldu.',
    rate_limited: 'Bu bağlantıdan çoxlu göndəriş edilib; bir müddət sonra yenidən cəhd edin.',
    captcha_unavailable:
      'Robot yoxlaması hazırda mümkün deyil; bir neçə dəqiqədən sonra yenidən cəhd edin.',
    cross_site_form: 'Form başqa saytdan göndərilə bilməz.',
    blob_io: 'Əlavələriniz hazırda saxlanıla bilmədi; bir az sonra yenidən cəhd edin.',
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
    'reference.required': 'Enter your reference number.',
    'reference.malformed': 'The reference number looks like KM-2026-004217-3.',
    'reference.bad_check_digit':
      'A digit of this reference number seems wrong; please check the number.',
    'verify.required': 'Enter the last 4 digits of your phone or your e-mail address.',
    'verify.invalid':
      'Enter the last 4 digits of your phone (e.g. 4567) or a valid e-mail address.',
    'score.required': 'Choose a score from 1 to 5.',
    'comment.too_long': 'The comment can be at most 1,000 characters.',
    'track.rate_limited': 'Too many look-ups were made; please try again later.',
    'page.payload_too_large':
      'The files you sent are larger than this form can take; try again with fewer or smaller files.',
    'page.validation_failed': 'The form arrived incomplete or damaged; please fill it in again.',
    'page.not_found': 'The page you are looking for was not found.',
    'page.internal_error': 'An unexpected error occurred; please try again shortly.',
    'patronymic.too_long': 'The patronymic can be at most 100 characters.',
    'employee.too_long': 'The employee can be at most 200 characters.',
    'store.unknown':
      'We could not find this store in the list; choose one from it or leave it empty.',
    'attachments.too_large': 'The file is too large; each file can be at most {size}.',
    'attachments.too_many': 'You can attach at most {max} files.',
    'attachments.type_not_allowed':
      'Only JPEG, PNG, WebP or HEIC photos and PDF documents can be attached.',
    'attachments.kept_missing':
      'A file you attached earlier was not found; please attach it again.',
    'captcha.captcha_failed': 'Please confirm that you are not a robot.',
    'captchaToken.captcha_failed': 'The captcha was not solved.',
    rate_limited: 'Too many submissions came from your connection; please try again later.',
    captcha_unavailable:
      'The robot check is not available right now; please try again in a few minutes.',
    cross_site_form: 'The form cannot be sent from another site.',
    blob_io: 'Your attachments could not be saved right now; please try again shortly.',
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
