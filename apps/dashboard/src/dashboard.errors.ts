import type { ErrorCatalog } from '@app/platform';

/** Status of the dashboard's own codes at the JSON edge (the sign-in page renders its own). */
export const DASHBOARD_HTTP_STATUS: Record<string, number> = {
  csrf_failed: 403,
  token_rejected: 401,
  core_contract: 502,
  core_unavailable: 503,
};

export const DASHBOARD_ERRORS: Partial<ErrorCatalog> = {
  tr: {
    csrf_failed: 'Form bu sayfadan gönderilmedi; sayfayı yenileyip tekrar deneyin.',
    token_rejected: 'API anahtarı kabul edilmedi; yeniden giriş yapın.',
    core_contract: 'Core beklenmeyen bir yanıt verdi.',
    core_unavailable: 'Core şu anda yanıt vermiyor; lütfen biraz sonra tekrar deneyin.',
  },
  az: {
    csrf_failed: 'Forma bu səhifədən göndərilməyib; səhifəni yeniləyib yenidən cəhd edin.',
    token_rejected: 'API açarı qəbul edilmədi; yenidən daxil olun.',
    core_contract: 'Core gözlənilməz cavab verdi.',
    core_unavailable: 'Core hazırda cavab vermir; bir az sonra yenidən cəhd edin.',
  },
  en: {
    csrf_failed: 'The form was not sent from this page; reload it and try again.',
    token_rejected: 'The API token was not accepted; sign in again.',
    core_contract: 'Core gave an unexpected answer.',
    core_unavailable: 'Core does not answer right now; please try again shortly.',
  },
};
