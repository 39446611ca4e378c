import type { PageTexts } from './page-texts.type';

export const AZ_TEXTS: PageTexts = {
  languageName: 'Azərbaycanca',
  languageLabel: 'Dil',
  title: 'Rəy, Təklif və Şikayət Forması',
  intro:
    'Şikayət, tələb, təklif və təşəkkürlərinizi bu forma ilə bizə göndərə bilərsiniz. Hər müraciətə istinad nömrəsi verilir; müraciətinizə ISO 10002 prinsiplərinə uyğun olaraq ödənişsiz, qərəzsiz və daxilolma ardıcıllığı ilə baxılır.',
  requiredNote: '* ilə işarələnmiş sahələr mütləqdir.',
  requiredMark: 'mütləq',
  optional: 'könüllü',
  sections: {
    you: 'Şəxsi məlumatlarınız',
    contact: 'Əlaqə məlumatlarınız',
    feedback: 'Müraciətiniz',
    consent: 'Şəxsi məlumatlarınızın qorunması',
  },
  fields: {
    name: 'Adınız',
    surname: 'Soyadınız',
    patronymic: 'Ata adınız',
    phone: 'Telefon nömrəniz',
    email: 'E-poçt ünvanınız',
    contactHint:
      'Sizinlə əlaqə saxlaya bilməyimiz üçün telefon nömrənizi və ya e-poçt ünvanınızı (yaxud hər ikisini) yazın.',
    store: 'Mağaza',
    storeHint: 'Mağazanın adını, rayonunu və ya şəhərini yazmağa başlayın və siyahıdan seçin.',
    storeFreeHint:
      'Mağaza siyahısı hazırda yüklənmədi; mağazanın adını və rayonunu yaza bilərsiniz.',
    employee: 'Əlaqədar işçi',
    employeeHint: 'Bilirsinizsə, işçinin adı və ya vəzifəsi (məs. kassir).',
    type: 'Müraciətin növü',
    message: 'Mesajınız',
    messageHint:
      'Nə baş verdi, nə vaxt və harada? Qəbz və ya sifariş nömrəsi varsa, əlavə etməyiniz işimizi sürətləndirər.',
    attachments: 'Əlavələr',
    attachmentsHint:
      'Ən çox {max} fayl, hər biri ən çox {size}: JPEG, PNG, WebP, HEIC şəkil və ya PDF sənəd.',
    keptAttachments: 'Əlavə etdiyiniz fayllar (çıxarmaq üçün işarəni götürün)',
    captcha: 'Robot yoxlaması',
    honeypot: 'Bu sahəni boş saxlayın',
  },
  types: {
    complaint: { label: 'Şikayət', hint: 'Problemlə üzləşdiniz.' },
    request: { label: 'Tələb', hint: 'Bizdən nəyisə istəyirsiniz.' },
    suggestion: { label: 'Təklif', hint: 'Bir fikriniz var.' },
    praise: { label: 'Təşəkkür', hint: 'Razı qaldınız.' },
  },
  consent: {
    label:
      'Məlumatlandırma mətnini oxudum; müraciətimə baxılması üçün şəxsi məlumatlarımın bu mətndə göstərildiyi kimi emal edilməsinə razıyam.',
    noticeSummary: 'Şəxsi məlumatların qorunması haqqında məlumatlandırma (KVKK / GDPR)',
    notice: (controller, contact) => [
      `Məlumat nəzarətçisi: ${controller}. Bu forma ilə göndərdiyiniz adınız, soyadınız, ata adınız, telefon nömrəniz, e-poçt ünvanınız, müraciətin aid olduğu mağaza və işçi, mesajınız və əlavə etdiyiniz fayllar Türkiyənin 6698 saylı Şəxsi Məlumatların Qorunması Qanununa (KVKK) və lazım olduqda Avropa İttifaqının Ümumi Məlumatların Qorunması Reqlamentinə (GDPR) uyğun olaraq emal edilir.`,
      'Məqsəd və hüquqi əsas: Məlumatlarınız yalnız müraciətinizi ISO 10002 şikayətlərin idarə edilməsi prosesinə uyğun olaraq qeydə almaq, araşdırmaq, aidiyyəti mağazaya və region rəhbərinə çatdırmaq, nəticələndirmək, sizə müraciətin vəziyyəti barədə məlumat vermək və məmnuniyyətinizi soruşmaq üçün emal edilir. Hüquqi əsas sizin razılığınız, müraciəti nəticələndirmək öhdəliyimiz və qanuni marağımızdır (KVKK m. 5; GDPR m. 6).',
      'Ötürmə: Məlumatlarınız təşkilatımız daxilində qalır və yalnız müraciətinizlə məşğul olan səlahiyyətli əməkdaşlarımız tərəfindən görülür. Qanunla səlahiyyətli orqanların tələbləri istisna olmaqla, razılığınız olmadan üçüncü şəxslərlə paylaşılmır.',
      'Saxlama: Müraciətiniz bağlandıqdan sonra məlumatlarınız qanuni saxlama müddətləri ərzində saxlanılır, sonra silinir, məhv edilir və ya anonimləşdirilir.',
      'Hüquqlarınız: KVKK-nın 11-ci maddəsinə əsasən şəxsi məlumatlarınızın emal edilib-edilmədiyini öyrənmək, emal edilibsə məlumat tələb etmək, emal məqsədini və məqsədə uyğun istifadə olunub-olunmadığını öyrənmək, ötürüldüyü üçüncü şəxsləri bilmək, natamam və ya yanlış emal edilibsə düzəldilməsini, silinməsini və ya məhv edilməsini tələb etmək, bu əməliyyatların üçüncü şəxslərə bildirilməsini istəmək, yalnız avtomatlaşdırılmış sistemlərlə təhlil nəticəsində əleyhinizə nəticə çıxmasına etiraz etmək və qanunsuz emal səbəbindən dəymiş zərərin ödənilməsini tələb etmək hüququnuz var. GDPR-ın şamil olunduğu hallarda giriş, düzəliş, silinmə, emalın məhdudlaşdırılması, məlumatların daşınması və etiraz hüquqlarından (GDPR m. 15–21) istifadə edə, nəzarət orqanına şikayət edə bilərsiniz.',
      `Müraciət: Bu hüquqlarla bağlı tələblərinizi ${contact} ünvanına göndərə bilərsiniz. Razılığınızı istənilən vaxt geri götürə bilərsiniz; bu, ondan əvvəlki emala təsir etmir.`,
    ],
  },
  submit: 'Göndər',
  errorSummary: 'Zəhmət olmasa aşağıdakı sahələri düzəldin:',
  unavailable:
    'Mesajınızı hazırda qəbul edə bilmirik. Yazdıqlarınız bu səhifədə qalıb; bir neçə saniyədən sonra yenidən göndərin.',
  confirmation: {
    title: 'Müraciətiniz qəbul edildi',
    lead: 'Təşəkkür edirik. Müraciətiniz qeydə alındı və aidiyyəti komandaya göndərildi.',
    referenceLabel: 'İstinad nömrəniz',
    keepIt:
      'Bu nömrəni saxlayın: müraciətinizin vəziyyətini bu nömrə ilə izləyə və bizə yazarkən qeyd edə bilərsiniz.',
    referenceLater: 'İstinad nömrəniz qısa müddətdə e-poçt və ya SMS ilə sizə göndəriləcək.',
    track: 'Müraciətimin vəziyyətini izlə',
    another: 'Yeni müraciət et',
  },
  errorPage: {
    title: 'Problem baş verdi',
    back: 'Formaya qayıt',
    retryAfterMinutes: 'Təxminən {minutes} dəqiqədən sonra yenidən cəhd edə bilərsiniz.',
  },
  script: {
    fileTooLarge: '{file}: fayl çox böyükdür; hər fayl ən çox {size} ola bilər.',
    tooManyFiles: 'Ən çox {max} fayl əlavə edə bilərsiniz.',
    sending: 'Göndərilir…',
  },
};
