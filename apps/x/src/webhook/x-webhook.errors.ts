import type { ErrorCatalog } from '@app/platform';

/** Status of the X adapter's own codes at its HTTP edge. */
export const X_HTTP_STATUS: Record<string, number> = {
  signature_invalid: 401,
  crc_token_missing: 400,
  publish_failed: 503,
};

export const X_ERRORS: ErrorCatalog = {
  tr: {
    signature_invalid: 'İmza eksik ya da geçersiz.',
    crc_token_missing: 'crc_token parametresi gerekli.',
    publish_failed: 'Olaylar şu anda alınamıyor; lütfen daha sonra tekrar gönderin.',
  },
  az: {
    signature_invalid: 'İmza yoxdur və ya etibarsızdır.',
    crc_token_missing: 'crc_token parametri tələb olunur.',
    publish_failed: 'Hadisələr hazırda qəbul edilə bilmir; bir az sonra yenidən göndərin.',
  },
  en: {
    signature_invalid: 'The signature is missing or invalid.',
    crc_token_missing: 'The crc_token parameter is required.',
    publish_failed: 'Events cannot be taken right now; please send them again later.',
  },
};
