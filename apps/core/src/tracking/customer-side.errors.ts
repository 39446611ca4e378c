import type { ErrorCatalog } from '@app/platform';

/** HTTP status of the customer's side's own codes (tracking, templates, delays, privacy). */
export const CUSTOMER_SIDE_HTTP_STATUS: Record<string, number> = {
  'track.not_found': 404,
  'track.rate_limited': 429,
  'track.not_awaiting_agreement': 409,
  'track.survey_closed': 409,
  template_unknown: 404,
  template_placeholder_unknown: 422,
  resolution_delay_not_open: 409,
  resolution_delay_date_past: 422,
  customer_not_found: 404,
};

export const CUSTOMER_SIDE_ERRORS: ErrorCatalog = {
  tr: {
    'track.not_found':
      'Bu başvuru numarası ve doğrulama bilgisiyle eşleşen bir başvuru bulunamadı.',
    'track.rate_limited': 'Çok fazla deneme yapıldı; lütfen biraz sonra tekrar deneyin.',
    'track.not_awaiting_agreement': 'Bu başvuru şu anda onayınızı beklemiyor.',
    'track.survey_closed': 'Anket, başvurunuz çözümlendikten sonra açılır.',
    template_unknown: 'Bu tür ve dilde bir şablon yok.',
    template_placeholder_unknown: 'Şablonda tanınmayan bir değişken var.',
    resolution_delay_not_open: 'Başvuru zaten çözümlendi ya da kapatıldı.',
    resolution_delay_date_past: 'Yeni tarih geçmişte olamaz.',
    customer_not_found: 'Bu kimlikle bir müşteri yok.',
  },
  az: {
    'track.not_found': 'Bu müraciət nömrəsi və yoxlama məlumatı ilə uyğun müraciət tapılmadı.',
    'track.rate_limited': 'Çox cəhd edildi; zəhmət olmasa bir az sonra yenidən cəhd edin.',
    'track.not_awaiting_agreement': 'Bu müraciət hazırda razılığınızı gözləmir.',
    'track.survey_closed': 'Sorğu müraciətiniz həll olunduqdan sonra açılır.',
    template_unknown: 'Bu növ və dildə şablon yoxdur.',
    template_placeholder_unknown: 'Şablonda tanınmayan dəyişən var.',
    resolution_delay_not_open: 'Müraciət artıq həll olunub və ya bağlanıb.',
    resolution_delay_date_past: 'Yeni tarix keçmişdə ola bilməz.',
    customer_not_found: 'Bu identifikatorla müştəri yoxdur.',
  },
  en: {
    'track.not_found': 'No case matches this reference number and check.',
    'track.rate_limited': 'Too many attempts; please try again later.',
    'track.not_awaiting_agreement': 'This case is not waiting for your agreement.',
    'track.survey_closed': 'The survey opens once your case is resolved.',
    template_unknown: 'No template has this kind and language.',
    template_placeholder_unknown: 'The template uses a variable that does not exist.',
    resolution_delay_not_open: 'The case is already resolved or closed.',
    resolution_delay_date_past: 'The new date cannot be in the past.',
    customer_not_found: 'No customer has this id.',
  },
};
