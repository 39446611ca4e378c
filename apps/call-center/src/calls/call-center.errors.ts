import type { ErrorCatalog } from '@app/platform';

/**
 * Status of the call centre's own codes. Every signature or timestamp problem is 401; a call id
 * already recorded with other content is 409; PostgreSQL or Kafka unavailable is 503.
 */
export const CALL_CENTER_HTTP_STATUS: Record<string, number> = {
  signature_missing: 401,
  signature_invalid: 401,
  timestamp_invalid: 401,
  timestamp_out_of_range: 401,
  call_conflict: 409,
  database_unavailable: 503,
  publish_failed: 503,
};

export const CALL_CENTER_ERRORS: ErrorCatalog = {
  tr: {
    signature_missing: 'X-Timestamp ve X-Signature başlıkları gerekli.',
    signature_invalid: 'İmza geçersiz.',
    timestamp_invalid: 'X-Timestamp Unix zamanı (saniye) olmalı.',
    timestamp_out_of_range:
      'X-Timestamp şimdiki zamandan çok uzak: istek eski (tekrar gönderilmiş) ya da gönderenin saati yanlış.',
    call_conflict: 'Bu çağrı kimliği başka bir içerikle kaydedilmiş.',
    database_unavailable: 'Çağrıyı şu anda kaydedemiyoruz; lütfen biraz sonra tekrar gönderin.',
    publish_failed: 'Çağrıyı şu anda alamıyoruz; lütfen birkaç saniye sonra tekrar gönderin.',
    'callId.required': 'Çağrı kimliği (callId) zorunludur.',
    'callId.too_long': 'Çağrı kimliği en fazla 200 karakter olabilir.',
    'callId.invalid': 'Çağrı kimliği yalnızca görünür ASCII karakterlerden oluşmalı.',
    'callerNumber.invalid': 'Arayan numarası geçerli bir telefon numarası değil.',
    'callerNumber.withheld_needs_contact':
      'Arayan numarası gizliyse temsilci müşterinin telefonunu veya e-postasını (customer) yazmalı.',
    'calledLine.required': 'Aranan hat (calledLine) zorunludur.',
    'agent.required': 'Temsilci bilgisi (agent) zorunludur.',
    'agent.id.required': 'Temsilci kimliği (agent.id) zorunludur.',
    'storeCode.invalid': 'Mağaza kodu geçersiz.',
    'notes.notes_or_transcript': 'Görüşme notu (notes) veya döküm (transcript) gerekli.',
    'notes.too_long': 'Görüşme notu en fazla 10.000 karakter olabilir.',
    'transcript.too_long': 'Döküm en fazla 80.000 karakter olabilir.',
    'startedAt.required': 'Başlangıç zamanı (startedAt) zorunludur.',
    'startedAt.invalid':
      'Başlangıç zamanı saat dilimli ISO 8601 olmalı (ör. 2026-03-14T09:12:03+03:00).',
    'endedAt.required': 'Bitiş zamanı (endedAt) zorunludur.',
    'endedAt.invalid': 'Bitiş zamanı saat dilimli ISO 8601 olmalı (ör. 2026-03-14T09:19:45+03:00).',
    'endedAt.not_after_start': 'Bitiş zamanı başlangıçtan sonra olmalı.',
    'recordingUrl.invalid': 'Kayıt adresi https ile başlayan geçerli bir URL olmalı.',
    'customer.phone.invalid': 'Müşterinin telefon numarası geçerli değil.',
    'customer.email.invalid': 'Müşterinin e-posta adresi geçerli değil.',
    'type.invalid_choice': 'Tür complaint, request, suggestion veya praise olmalı.',
    'language.invalid_choice': 'Dil tr, az veya en olmalı.',
  },
  az: {
    signature_missing: 'X-Timestamp və X-Signature başlıqları tələb olunur.',
    signature_invalid: 'İmza yanlışdır.',
    timestamp_invalid: 'X-Timestamp Unix vaxtı (saniyə) olmalıdır.',
    timestamp_out_of_range:
      'X-Timestamp indiki vaxtdan çox uzaqdır: sorğu köhnədir (təkrar göndərilib) və ya göndərənin saatı səhvdir.',
    call_conflict: 'Bu zəng identifikatoru başqa məzmunla qeydə alınıb.',
    database_unavailable: 'Zəngi hazırda qeydə ala bilmirik; bir az sonra yenidən göndərin.',
    publish_failed: 'Zəngi hazırda qəbul edə bilmirik; bir neçə saniyədən sonra yenidən göndərin.',
    'callId.required': 'Zəng identifikatoru (callId) mütləqdir.',
    'callId.too_long': 'Zəng identifikatoru ən çox 200 simvol ola bilər.',
    'callId.invalid': 'Zəng identifikatoru yalnız görünən ASCII simvollarından ibarət olmalıdır.',
    'callerNumber.invalid': 'Zəng edənin nömrəsi düzgün telefon nömrəsi deyil.',
    'callerNumber.withheld_needs_contact':
      'Zəng edənin nömrəsi gizlidirsə, operator müştərinin telefonunu və ya e-poçtunu (customer) yazmalıdır.',
    'calledLine.required': 'Zəng edilən xətt (calledLine) mütləqdir.',
    'agent.required': 'Operator məlumatı (agent) mütləqdir.',
    'agent.id.required': 'Operator identifikatoru (agent.id) mütləqdir.',
    'storeCode.invalid': 'Mağaza kodu yanlışdır.',
    'notes.notes_or_transcript': 'Söhbət qeydi (notes) və ya mətn (transcript) tələb olunur.',
    'notes.too_long': 'Söhbət qeydi ən çox 10.000 simvol ola bilər.',
    'transcript.too_long': 'Mətn ən çox 80.000 simvol ola bilər.',
    'startedAt.required': 'Başlama vaxtı (startedAt) mütləqdir.',
    'startedAt.invalid':
      'Başlama vaxtı saat qurşağı ilə ISO 8601 olmalıdır (məs. 2026-03-14T09:12:03+04:00).',
    'endedAt.required': 'Bitmə vaxtı (endedAt) mütləqdir.',
    'endedAt.invalid':
      'Bitmə vaxtı saat qurşağı ilə ISO 8601 olmalıdır (məs. 2026-03-14T09:19:45+04:00).',
    'endedAt.not_after_start': 'Bitmə vaxtı başlama vaxtından sonra olmalıdır.',
    'recordingUrl.invalid': 'Yazının ünvanı https ilə başlayan düzgün URL olmalıdır.',
    'customer.phone.invalid': 'Müştərinin telefon nömrəsi düzgün deyil.',
    'customer.email.invalid': 'Müştərinin e-poçt ünvanı düzgün deyil.',
    'type.invalid_choice': 'Növ complaint, request, suggestion və ya praise olmalıdır.',
    'language.invalid_choice': 'Dil tr, az və ya en olmalıdır.',
  },
  en: {
    signature_missing: 'The X-Timestamp and X-Signature headers are required.',
    signature_invalid: 'The signature is not valid.',
    timestamp_invalid: 'X-Timestamp must be a Unix time in seconds.',
    timestamp_out_of_range:
      "X-Timestamp is too far from the current time: the request is old (a replay) or the sender's clock is wrong.",
    call_conflict: 'This call id was already recorded with different content.',
    database_unavailable: 'We cannot record the call right now; please send it again shortly.',
    publish_failed: 'We cannot take the call right now; please send it again in a few seconds.',
    'callId.required': 'The call id (callId) is required.',
    'callId.too_long': 'The call id can be at most 200 characters.',
    'callId.invalid': 'The call id must consist of visible ASCII characters.',
    'callerNumber.invalid': 'The caller number is not a valid phone number.',
    'callerNumber.withheld_needs_contact':
      "When the caller number is withheld, the agent must record the customer's phone or e-mail (customer).",
    'calledLine.required': 'The called line (calledLine) is required.',
    'agent.required': 'The agent (agent) is required.',
    'agent.id.required': "The agent's id (agent.id) is required.",
    'storeCode.invalid': 'The store code is not valid.',
    'notes.notes_or_transcript': 'Call notes (notes) or a transcript (transcript) are required.',
    'notes.too_long': 'The notes can be at most 10,000 characters.',
    'transcript.too_long': 'The transcript can be at most 80,000 characters.',
    'startedAt.required': 'The start time (startedAt) is required.',
    'startedAt.invalid':
      'The start time must be ISO 8601 with an offset (e.g. 2026-03-14T09:12:03+03:00).',
    'endedAt.required': 'The end time (endedAt) is required.',
    'endedAt.invalid':
      'The end time must be ISO 8601 with an offset (e.g. 2026-03-14T09:19:45+03:00).',
    'endedAt.not_after_start': 'The end time must be after the start time.',
    'recordingUrl.invalid': 'The recording URL must be a valid https URL.',
    'customer.phone.invalid': "The customer's phone number is not valid.",
    'customer.email.invalid': "The customer's e-mail address is not valid.",
    'type.invalid_choice': 'The type must be complaint, request, suggestion or praise.',
    'language.invalid_choice': 'The language must be tr, az or en.',
  },
};
