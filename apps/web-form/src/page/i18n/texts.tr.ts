import type { PageTexts } from './page-texts.type';

export const TR_TEXTS: PageTexts = {
  languageName: 'Türkçe',
  languageLabel: 'Dil',
  title: 'Görüş, Öneri ve Şikâyet Formu',
  intro:
    'Şikâyet, talep, öneri ve teşekkürlerinizi bu formla bize iletebilirsiniz. Her başvuruya bir referans numarası verilir; başvurunuz ISO 10002 ilkelerine göre ücretsiz, tarafsız ve geliş sırasıyla ele alınır.',
  requiredNote: '* ile işaretli alanlar zorunludur.',
  requiredMark: 'zorunlu',
  optional: 'isteğe bağlı',
  sections: {
    you: 'Kimlik bilgileriniz',
    contact: 'İletişim bilgileriniz',
    feedback: 'Başvurunuz',
    consent: 'Kişisel verileriniz',
  },
  fields: {
    name: 'Adınız',
    surname: 'Soyadınız',
    patronymic: 'Baba adınız',
    phone: 'Telefon numaranız',
    email: 'E-posta adresiniz',
    contactHint:
      'Size ulaşabilmemiz için telefon numaranızı veya e-posta adresinizi (ya da ikisini birden) yazın.',
    store: 'Mağaza',
    storeHint: 'Mağazanın adını, ilçesini veya şehrini yazmaya başlayın ve listeden seçin.',
    storeFreeHint:
      'Mağaza listesi şu anda yüklenemedi; mağazanın adını ve ilçesini yazabilirsiniz.',
    employee: 'İlgili çalışan',
    employeeHint: 'Biliyorsanız çalışanın adı veya görevi (ör. kasiyer).',
    type: 'Başvuru türü',
    message: 'Mesajınız',
    messageHint:
      'Ne oldu, ne zaman ve nerede? Fiş veya sipariş numarası varsa eklemeniz işimizi hızlandırır.',
    attachments: 'Ekler',
    attachmentsHint:
      'En fazla {max} dosya, her biri en fazla {size}: JPEG, PNG, WebP, HEIC fotoğraf veya PDF belge.',
    keptAttachments: 'Eklediğiniz dosyalar (çıkarmak için işareti kaldırın)',
    captcha: 'Robot doğrulaması',
    honeypot: 'Bu alanı boş bırakın',
  },
  types: {
    complaint: { label: 'Şikâyet', hint: 'Bir sorun yaşadınız.' },
    request: { label: 'Talep', hint: 'Bizden bir şey istiyorsunuz.' },
    suggestion: { label: 'Öneri', hint: 'Bir fikriniz var.' },
    praise: { label: 'Teşekkür', hint: 'Memnun kaldınız.' },
  },
  consent: {
    label:
      'Aydınlatma Metni’ni okudum; başvurumun ele alınması için kişisel verilerimin bu metinde açıklandığı şekilde işlenmesini kabul ediyorum.',
    noticeSummary: 'Kişisel Verilerin Korunması Aydınlatma Metni (KVKK / GDPR)',
    notice: (controller, contact) => [
      `Veri sorumlusu: ${controller}. Bu formla ilettiğiniz adınız, soyadınız, baba adınız, telefon numaranız, e-posta adresiniz, başvurunuzun ilgili olduğu mağaza ve çalışan, mesajınız ve eklediğiniz dosyalar 6698 sayılı Kişisel Verilerin Korunması Kanunu (KVKK) ve gerektiğinde AB Genel Veri Koruma Tüzüğü (GDPR) uyarınca işlenir.`,
      'Amaç ve hukuki sebep: Verileriniz yalnızca başvurunuzu ISO 10002 şikâyet yönetimi sürecine uygun olarak kaydetmek, incelemek, ilgili mağazaya ve bölge yöneticisine iletmek, sonuçlandırmak, size başvurunuzun durumunu bildirmek ve memnuniyetinizi sormak için işlenir. Hukuki sebep açık rızanız, başvurunuzu sonuçlandırma yükümlülüğümüz ve meşru menfaatimizdir (KVKK m. 5; GDPR m. 6).',
      'Aktarım: Verileriniz kuruluşumuz içinde kalır ve yalnızca başvurunuzu ele alan yetkili çalışanlarımızca görülür. Kanunen yetkili kurumların talepleri dışında, açık rızanız olmadan üçüncü kişilerle paylaşılmaz.',
      'Saklama: Başvurunuz kapandıktan sonra verileriniz yasal saklama süreleri boyunca saklanır, ardından silinir, yok edilir veya anonim hâle getirilir.',
      'Haklarınız: KVKK m. 11 uyarınca kişisel verilerinizin işlenip işlenmediğini öğrenme, işlenmişse bilgi talep etme, işlenme amacını ve amacına uygun kullanılıp kullanılmadığını öğrenme, aktarıldığı üçüncü kişileri bilme, eksik veya yanlış işlenmişse düzeltilmesini, silinmesini veya yok edilmesini isteme, bu işlemlerin aktarıldığı üçüncü kişilere bildirilmesini isteme, yalnızca otomatik sistemlerle analiz edilmesi sonucu aleyhinize bir sonuç çıkmasına itiraz etme ve kanuna aykırı işleme nedeniyle uğradığınız zararın giderilmesini isteme haklarına sahipsiniz. GDPR kapsamındaysanız erişim, düzeltme, silme, işlemeyi kısıtlama, veri taşınabilirliği ve itiraz haklarınızı (GDPR m. 15–21) da kullanabilir, denetim makamına şikâyette bulunabilirsiniz.',
      `Başvuru: Bu haklarla ilgili taleplerinizi ${contact} adresine iletebilirsiniz. Onayınızı dilediğiniz zaman geri alabilirsiniz; bu, geri almadan önceki işlemleri etkilemez.`,
    ],
  },
  submit: 'Gönder',
  errorSummary: 'Lütfen aşağıdaki alanları düzeltin:',
  unavailable:
    'Mesajınızı şu anda alamıyoruz. Yazdıklarınız bu sayfada duruyor; lütfen birkaç saniye sonra yeniden gönderin.',
  confirmation: {
    title: 'Başvurunuz alındı',
    lead: 'Teşekkür ederiz. Başvurunuz kaydedildi ve ilgili ekibe iletildi.',
    referenceLabel: 'Referans numaranız',
    keepIt:
      'Bu numarayı saklayın: başvurunuzun durumunu bu numarayla takip edebilir, bize yazarken belirtebilirsiniz.',
    referenceLater: 'Referans numaranız kısa süre içinde e-posta veya SMS ile size gönderilecek.',
    track: 'Başvurumun durumunu takip et',
    another: 'Yeni bir başvuru yap',
  },
  errorPage: {
    title: 'Bir sorun oluştu',
    back: 'Forma dön',
    retryAfterMinutes: 'Yaklaşık {minutes} dakika sonra yeniden deneyebilirsiniz.',
  },
  script: {
    fileTooLarge: '{file}: dosya çok büyük; her dosya en fazla {size} olabilir.',
    tooManyFiles: 'En fazla {max} dosya ekleyebilirsiniz.',
    sending: 'Gönderiliyor…',
  },
};
