import type { CaseStatus, Language } from '@app/contracts';

/** Every text of the tracking page, per language. `{…}` placeholders are filled by the views. */
export interface TrackTexts {
  title: string;
  intro: string;
  reference: string;
  referenceHint: string;
  verify: string;
  verifyHint: string;
  show: string;
  statuses: Record<CaseStatus, string>;
  currentStatus: string;
  openedAt: string;
  resolutionDueAt: string;
  newResolutionDate: string;
  delayReason: string;
  timeline: string;
  agreement: { title: string; lead: string; comment: string; agree: string; disagree: string };
  survey: {
    title: string;
    lead: string;
    score: string;
    scores: string[];
    comment: string;
    send: string;
  };
  comment: string;
  thanks: { agreed: string; disagreed: string; survey: string };
  notFound: string;
  rateLimited: string;
  unavailable: string;
  refused: string;
  another: string;
  newFeedback: string;
}

const tr: TrackTexts = {
  title: 'Başvurumun durumu',
  intro:
    'Başvurunuzun durumunu görmek için referans numaranızı ve başvuruda verdiğiniz telefon numarasının son dört hanesini ya da e-posta adresinizi yazın.',
  reference: 'Referans numarası',
  referenceHint: 'Örnek: KM-2026-004217-3',
  verify: 'Telefonun son 4 hanesi veya e-posta adresi',
  verifyHint: 'Başvuruda hangisini verdiyseniz.',
  show: 'Durumu göster',
  statuses: {
    created: 'Oluşturuldu',
    in_progress: 'İşlem Sırasında',
    under_review: 'Gözden Geçiriliyor',
    resolved: 'Çözümlendi',
    closed: 'Kapatıldı',
  },
  currentStatus: 'Güncel durum',
  openedAt: 'Başvuru tarihi',
  resolutionDueAt: 'Hedeflenen çözüm tarihi',
  newResolutionDate: 'Yeni öngörülen çözüm tarihi',
  delayReason: 'Gecikmenin nedeni',
  timeline: 'Geçmiş',
  agreement: {
    title: 'Çözümü onaylıyor musunuz?',
    lead: 'Başvurunuzu çözümlendi olarak işaretledik. Sorun giderildiyse başvurunuzu kapatabiliriz; devam ediyorsa bize bildirin, takibe devam edelim.',
    comment: 'Eklemek istedikleriniz',
    agree: 'Katılıyorum, kapatılabilir',
    disagree: 'Sorun devam ediyor',
  },
  survey: {
    title: 'Memnuniyet anketi',
    lead: 'Başvurunuzun ele alınış biçiminden ne kadar memnun kaldınız?',
    score: 'Puanınız (1 = hiç memnun değilim, 5 = çok memnunum)',
    scores: ['1 – Hiç memnun değilim', '2', '3', '4', '5 – Çok memnunum'],
    comment: 'Yorumunuz',
    send: 'Anketi gönder',
  },
  comment: 'isteğe bağlı',
  thanks: {
    agreed: 'Teşekkür ederiz. Onayınızı aldık; başvurunuz kapatılıyor.',
    disagreed:
      'Teşekkür ederiz. Sorunun devam ettiğini kaydettik; başvurunuz yeniden ele alınacak.',
    survey: 'Teşekkür ederiz. Anket yanıtınızı aldık.',
  },
  notFound:
    'Bu referans numarası ve telefon/e-posta bilgisiyle bir başvuru bulamadık. İkisini de kontrol edip yeniden deneyin.',
  rateLimited: 'Çok sayıda sorgu yapıldı; lütfen bir süre sonra yeniden deneyin.',
  unavailable:
    'Başvuru durumunu şu anda gösteremiyoruz; lütfen birkaç dakika sonra yeniden deneyin.',
  refused: 'Bu yanıt artık alınamıyor; başvurunuzun güncel durumu aşağıdadır.',
  another: 'Başka bir başvuruyu sorgula',
  newFeedback: 'Yeni bir başvuru gönder',
};

const az: TrackTexts = {
  title: 'Müraciətimin vəziyyəti',
  intro:
    'Müraciətinizin vəziyyətini görmək üçün istinad nömrənizi və müraciətdə verdiyiniz telefon nömrəsinin son dörd rəqəmini və ya e-poçt ünvanınızı yazın.',
  reference: 'İstinad nömrəsi',
  referenceHint: 'Nümunə: KM-2026-004217-3',
  verify: 'Telefonun son 4 rəqəmi və ya e-poçt ünvanı',
  verifyHint: 'Müraciətdə hansını vermisinizsə.',
  show: 'Vəziyyəti göstər',
  statuses: {
    created: 'Yaradıldı',
    in_progress: 'İcra olunur',
    under_review: 'Nəzərdən keçirilir',
    resolved: 'Həll edildi',
    closed: 'Bağlandı',
  },
  currentStatus: 'Cari vəziyyət',
  openedAt: 'Müraciət tarixi',
  resolutionDueAt: 'Həll üçün hədəf tarix',
  newResolutionDate: 'Yeni gözlənilən həll tarixi',
  delayReason: 'Gecikmənin səbəbi',
  timeline: 'Tarixçə',
  agreement: {
    title: 'Həlli təsdiqləyirsiniz?',
    lead: 'Müraciətinizi həll edilmiş kimi qeyd etdik. Problem aradan qalxıbsa, müraciəti bağlaya bilərik; davam edirsə, bizə bildirin, izləməyə davam edək.',
    comment: 'Əlavə etmək istədikləriniz',
    agree: 'Razıyam, bağlana bilər',
    disagree: 'Problem davam edir',
  },
  survey: {
    title: 'Məmnunluq sorğusu',
    lead: 'Müraciətinizin baxılma qaydasından nə dərəcədə razı qaldınız?',
    score: 'Qiymətiniz (1 = heç razı deyiləm, 5 = çox razıyam)',
    scores: ['1 – Heç razı deyiləm', '2', '3', '4', '5 – Çox razıyam'],
    comment: 'Şərhiniz',
    send: 'Sorğunu göndər',
  },
  comment: 'istəyə bağlı',
  thanks: {
    agreed: 'Təşəkkür edirik. Təsdiqinizi aldıq; müraciətiniz bağlanır.',
    disagreed:
      'Təşəkkür edirik. Problemin davam etdiyini qeyd etdik; müraciətinizə yenidən baxılacaq.',
    survey: 'Təşəkkür edirik. Sorğu cavabınızı aldıq.',
  },
  notFound:
    'Bu istinad nömrəsi və telefon/e-poçt məlumatı ilə müraciət tapmadıq. Hər ikisini yoxlayıb yenidən cəhd edin.',
  rateLimited: 'Çoxlu sorğu edilib; bir müddət sonra yenidən cəhd edin.',
  unavailable:
    'Müraciətin vəziyyətini hazırda göstərə bilmirik; bir neçə dəqiqədən sonra yenidən cəhd edin.',
  refused: 'Bu cavab artıq qəbul edilmir; müraciətinizin cari vəziyyəti aşağıdadır.',
  another: 'Başqa müraciəti yoxla',
  newFeedback: 'Yeni müraciət göndər',
};

const en: TrackTexts = {
  title: 'Status of my case',
  intro:
    'To see the status of your case, enter your reference number and the last four digits of the phone number or the e-mail address you gave us.',
  reference: 'Reference number',
  referenceHint: 'For example: KM-2026-004217-3',
  verify: 'Last 4 digits of your phone, or your e-mail address',
  verifyHint: 'Whichever you gave us with your feedback.',
  show: 'Show the status',
  statuses: {
    created: 'Created',
    in_progress: 'In Progress',
    under_review: 'Under Review',
    resolved: 'Resolved',
    closed: 'Closed',
  },
  currentStatus: 'Current status',
  openedAt: 'Received on',
  resolutionDueAt: 'Target resolution date',
  newResolutionDate: 'New expected resolution date',
  delayReason: 'Reason for the delay',
  timeline: 'History',
  agreement: {
    title: 'Do you agree with the resolution?',
    lead: 'We have marked your case as resolved. If the problem is solved we can close it; if it remains, tell us and we will keep following it up.',
    comment: 'Anything you would like to add',
    agree: 'I agree, close it',
    disagree: 'The problem remains',
  },
  survey: {
    title: 'Satisfaction survey',
    lead: 'How satisfied are you with the way your case was handled?',
    score: 'Your score (1 = not at all satisfied, 5 = very satisfied)',
    scores: ['1 – Not at all satisfied', '2', '3', '4', '5 – Very satisfied'],
    comment: 'Your comment',
    send: 'Send the survey',
  },
  comment: 'optional',
  thanks: {
    agreed: 'Thank you. We have your agreement; your case is being closed.',
    disagreed:
      'Thank you. We have noted that the problem remains; your case will be taken up again.',
    survey: 'Thank you. We have your survey answer.',
  },
  notFound:
    'We could not find a case with this reference number and this phone or e-mail. Check both and try again.',
  rateLimited: 'Too many look-ups were made; please try again later.',
  unavailable: 'We cannot show the status right now; please try again in a few minutes.',
  refused: 'This answer can no longer be given; the current status of your case is below.',
  another: 'Look up another case',
  newFeedback: 'Send new feedback',
};

export const TRACK_TEXTS: Record<Language, TrackTexts> = { tr, az, en };
