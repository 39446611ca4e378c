/** A typical call, as a telephony system sends it: the example in the docs and the tests. */
export const CALL_EVENT_EXAMPLE = {
  callId: 'CC-20260314-000123',
  callerNumber: '+905321234567',
  calledLine: '+908502220000',
  agent: { id: 'A-1042', name: 'Zeynep Kaya' },
  storeCode: 'IST-KDK-01',
  category: 'returns.refused',
  notes:
    'Müşteri Kadıköy şubesinde fişli iadesinin reddedildiğini söylüyor. Mağaza müdürüyle görüşmek istiyor.',
  startedAt: '2026-03-14T09:12:03+03:00',
  endedAt: '2026-03-14T09:19:45+03:00',
  recordingUrl: 'https://recordings.example.com/calls/CC-20260314-000123.mp3',
  customer: { name: 'Ayşe', surname: 'Yılmaz', email: 'ayse.yilmaz@example.com' },
  type: 'complaint',
  language: 'tr',
};

/** The caller withheld the number: the agent wrote down how to reach the customer. */
export const WITHHELD_CALL_EXAMPLE = {
  callId: 'CC-20260314-000124',
  callerNumber: 'anonymous',
  calledLine: '+908502220000',
  agent: { id: 'A-1042' },
  transcript:
    'Temsilci: Merhaba, size nasıl yardımcı olabilirim? Müşteri: Siparişim on gündür gelmedi...',
  startedAt: '2026-03-14T10:02:00Z',
  endedAt: '2026-03-14T10:06:30Z',
  customer: { name: 'Mehmet', surname: 'Demir', phone: '0533 765 43 21' },
};
