import type { Language } from '@app/contracts';

/**
 * Texts of errors, per language. Keys are error codes (`payload_too_large`) and field rules
 * (`email.invalid`, or a bare rule like `required` as the fallback for any field). Apps merge
 * their own catalog over these defaults.
 */
export type ErrorCatalog = Record<Language, Record<string, string>>;

export const PLATFORM_ERRORS: ErrorCatalog = {
  tr: {
    validation_failed: 'Gönderilen bilgilerde hatalar var.',
    malformed_json: 'İstek gövdesi geçerli bir JSON değil.',
    payload_too_large: 'İstek gövdesi çok büyük.',
    unsupported_media_type: 'İstek gövdesi JSON olmalı (Content-Type: application/json).',
    unauthorized: 'Kimlik doğrulaması gerekli.',
    forbidden: 'Bu işlem için yetkiniz yok.',
    not_found: 'Bulunamadı.',
    unavailable: 'Hizmet geçici olarak kullanılamıyor; lütfen biraz sonra tekrar deneyin.',
    internal_error: 'Beklenmeyen bir hata oluştu.',
    required: 'Bu alan zorunludur.',
    too_long: 'Bu alan çok uzun.',
    too_short: 'Bu alan çok kısa.',
    invalid: 'Bu alanın değeri geçersiz.',
    invalid_choice: 'Bu alan için izin verilen değerlerden birini seçin.',
    invalid_type: 'Bu alanın türü yanlış.',
    unknown_field: 'Bu alan tanınmıyor.',
  },
  az: {
    validation_failed: 'Göndərilən məlumatlarda səhvlər var.',
    malformed_json: 'Sorğunun gövdəsi düzgün JSON deyil.',
    payload_too_large: 'Sorğunun gövdəsi çox böyükdür.',
    unsupported_media_type: 'Sorğunun gövdəsi JSON olmalıdır (Content-Type: application/json).',
    unauthorized: 'Kimlik doğrulaması tələb olunur.',
    forbidden: 'Bu əməliyyat üçün icazəniz yoxdur.',
    not_found: 'Tapılmadı.',
    unavailable: 'Xidmət müvəqqəti olaraq əlçatan deyil; bir az sonra yenidən cəhd edin.',
    internal_error: 'Gözlənilməz xəta baş verdi.',
    required: 'Bu sahə mütləqdir.',
    too_long: 'Bu sahə çox uzundur.',
    too_short: 'Bu sahə çox qısadır.',
    invalid: 'Bu sahənin dəyəri yanlışdır.',
    invalid_choice: 'Bu sahə üçün icazə verilən dəyərlərdən birini seçin.',
    invalid_type: 'Bu sahənin növü yanlışdır.',
    unknown_field: 'Bu sahə tanınmır.',
  },
  en: {
    validation_failed: 'The request has errors.',
    malformed_json: 'The request body is not valid JSON.',
    payload_too_large: 'The request body is too large.',
    unsupported_media_type: 'The request body must be JSON (Content-Type: application/json).',
    unauthorized: 'Authentication is required.',
    forbidden: 'You are not allowed to do this.',
    not_found: 'Not found.',
    unavailable: 'The service is temporarily unavailable; please try again shortly.',
    internal_error: 'An unexpected error occurred.',
    required: 'This field is required.',
    too_long: 'This field is too long.',
    too_short: 'This field is too short.',
    invalid: 'This field has an invalid value.',
    invalid_choice: 'Choose one of the allowed values for this field.',
    invalid_type: 'This field has the wrong type.',
    unknown_field: 'This field is not recognised.',
  },
};

export function mergeCatalogs(...catalogs: Partial<ErrorCatalog>[]): ErrorCatalog {
  const merged: ErrorCatalog = { tr: {}, az: {}, en: {} };
  for (const catalog of catalogs) {
    for (const lang of Object.keys(merged) as Language[])
      Object.assign(merged[lang], catalog[lang] ?? {});
  }
  return merged;
}

/** The text for a key in a language, falling back to English, then to the key itself. */
export function translate(catalog: ErrorCatalog, lang: Language, ...keys: string[]): string {
  for (const table of [catalog[lang], catalog.en]) {
    for (const key of keys) if (table[key]) return table[key];
  }
  return keys[0];
}
