import type { ErrorCatalog } from '@app/platform';

/**
 * Status of the adapter's own codes. Everything retriable (Kafka, the Graph API, PostgreSQL) is
 * 503, which makes Meta deliver the webhook again later.
 */
export const WHATSAPP_HTTP_STATUS: Record<string, number> = {
  signature_missing: 401,
  signature_malformed: 401,
  signature_invalid: 401,
  verification_failed: 403,
  challenge_invalid: 400,
  publish_failed: 503,
  media_unavailable: 503,
  storage_unavailable: 503,
  account_unknown: 404,
  qr_not_pending: 404,
};

export const WHATSAPP_ERRORS: ErrorCatalog = {
  tr: {
    signature_missing: 'X-Hub-Signature-256 imzası eksik.',
    signature_malformed: 'X-Hub-Signature-256 imzası "sha256=<hex>" biçiminde olmalı.',
    signature_invalid: 'İmza doğrulanamadı.',
    verification_failed: 'Webhook doğrulaması reddedildi.',
    challenge_invalid: 'hub.challenge değeri geçersiz.',
    publish_failed: 'Mesaj şu anda alınamıyor; lütfen tekrar gönderin.',
    media_unavailable: 'Medya şu anda indirilemiyor; lütfen tekrar gönderin.',
    storage_unavailable: 'Mesaj şu anda kaydedilemiyor; lütfen tekrar gönderin.',
    account_unknown: 'Bu WhatsApp hesabı bu sunucuda tanımlı değil.',
    qr_not_pending: 'Bu hesap için bekleyen bir QR kodu yok.',
  },
  az: {
    signature_missing: 'X-Hub-Signature-256 imzası yoxdur.',
    signature_malformed: 'X-Hub-Signature-256 imzası "sha256=<hex>" formatında olmalıdır.',
    signature_invalid: 'İmza təsdiqlənmədi.',
    verification_failed: 'Webhook təsdiqi rədd edildi.',
    challenge_invalid: 'hub.challenge dəyəri yanlışdır.',
    publish_failed: 'Mesaj hazırda qəbul edilə bilmir; yenidən göndərin.',
    media_unavailable: 'Media hazırda endirilə bilmir; yenidən göndərin.',
    storage_unavailable: 'Mesaj hazırda saxlanıla bilmir; yenidən göndərin.',
    account_unknown: 'Bu WhatsApp hesabı bu serverdə təyin olunmayıb.',
    qr_not_pending: 'Bu hesab üçün gözləyən QR kod yoxdur.',
  },
  en: {
    signature_missing: 'The X-Hub-Signature-256 signature is missing.',
    signature_malformed: 'The X-Hub-Signature-256 signature must look like "sha256=<hex>".',
    signature_invalid: 'The signature does not match.',
    verification_failed: 'Webhook verification refused.',
    challenge_invalid: 'The hub.challenge value is not valid.',
    publish_failed: 'The message cannot be taken right now; please deliver it again.',
    media_unavailable: 'The media cannot be fetched right now; please deliver it again.',
    storage_unavailable: 'The message cannot be stored right now; please deliver it again.',
    account_unknown: 'This WhatsApp account is not served here.',
    qr_not_pending: 'No QR code is waiting to be scanned for this account.',
  },
};
