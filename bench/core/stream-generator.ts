import type { InboundMessageV1 } from '@app/contracts';
import { randomUUID } from 'node:crypto';

/**
 * A synthetic but realistic intake stream: Turkish complaints about real-sounding stores and
 * products, from a pool of customers, on every channel, with the mix the benchmark asks for —
 * exact redeliveries, the same complaint again on another channel, and replies to open cases.
 * Deterministic for a given seed, so runs compare.
 */

const PRODUCTS = [
  'bulaşık makinesi',
  'çamaşır makinesi',
  'buzdolabı',
  'televizyon',
  'dizüstü bilgisayar',
  'cep telefonu',
  'elektrikli süpürge',
  'kahve makinesi',
  'spor ayakkabı',
  'kışlık mont',
  'koltuk takımı',
  'klima',
  'fırın',
  'saç kurutma makinesi',
  'oyun konsolu',
];
const ISSUES = [
  'iki gün sonra arızalandı',
  'kutusundan kırık çıktı',
  'eksik parçayla teslim edildi',
  'hâlâ teslim edilmedi',
  'hiç çalışmıyor',
  'yanlış renkte gönderildi',
  'garantiye rağmen tamir edilmedi',
  'faturada iki kez ücretlendirildi',
];
const DEMANDS = [
  'Değişim istiyorum.',
  'Paramın iadesini talep ediyorum.',
  'En kısa sürede dönüş bekliyorum.',
  'Lütfen yardımcı olun, mağdur durumdayım.',
  'Konunun incelenmesini rica ediyorum.',
];
const STORES = [
  'Kadıköy Bahariye',
  'Bağdat Caddesi',
  'Forum İstanbul AVM',
  'Ankara Kızılay',
  'İzmir Alsancak',
  'Antalya MarkAntalya',
  'Bursa Korupark',
  'Trabzon Forum',
  'Gaziantep Sanko Park',
  'Eskişehir Espark',
];
const REPLIES = [
  'Hâlâ bir gelişme yok, ne zaman dönüş yapılacak?',
  'Fotoğrafları ekte gönderiyorum.',
  'Fatura bilgilerimi de iletiyorum.',
  'Dün aradım ama kimse bilgi vermedi.',
];
const NAMES = [
  'Ayşe',
  'Mehmet',
  'Fatma',
  'Mustafa',
  'Elif',
  'Ahmet',
  'Zeynep',
  'Emre',
  'Hatice',
  'Burak',
  'Merve',
  'Can',
];
const SURNAMES = [
  'Yılmaz',
  'Kaya',
  'Demir',
  'Şahin',
  'Çelik',
  'Yıldız',
  'Öztürk',
  'Aydın',
  'Arslan',
  'Doğan',
];

/** mulberry32: a small seeded PRNG, enough for test data. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Customer {
  index: number;
  phone: string;
  email: string;
  whatsappId: string;
  name: string;
  surname: string;
}

export interface GeneratedStream {
  messages: InboundMessageV1[];
  mix: { fresh: number; redeliveries: number; crossChannelDuplicates: number; replies: number };
}

export class StreamGenerator {
  private readonly random: () => number;
  private readonly customers: Customer[];

  constructor(seed: number, customers: number) {
    this.random = prng(seed);
    this.customers = Array.from({ length: customers }, (_, index) => ({
      index,
      phone: `+90532${String(1_000_000 + index).padStart(7, '0')}`,
      email: `musteri${index}@example.com`,
      whatsappId: `90532${String(1_000_000 + index).padStart(7, '0')}`,
      name: this.pick(NAMES),
      surname: this.pick(SURNAMES),
    }));
  }

  /**
   * `total` messages: 10% exact redeliveries, 5% the same complaint on another channel, 10%
   * replies to a case opened earlier in the stream, the rest new complaints.
   */
  generate(total: number): GeneratedStream {
    const messages: InboundMessageV1[] = [];
    const complaints: { customer: Customer; message: InboundMessageV1 }[] = [];
    // Replies go where a reply threads: an e-mail answer to an e-mail, a chat message to a chat.
    const threadable: { customer: Customer; message: InboundMessageV1 }[] = [];
    const mix = { fresh: 0, redeliveries: 0, crossChannelDuplicates: 0, replies: 0 };
    const startedAt = Date.now() - 3_600_000;
    while (messages.length < total) {
      const at = new Date(startedAt + messages.length * 20);
      const roll = this.random();
      if (roll < 0.1 && messages.length > 0) {
        messages.push(messages[Math.floor(this.random() * messages.length)]);
        mix.redeliveries++;
      } else if (roll < 0.15 && complaints.length > 0) {
        const earlier = complaints[Math.floor(this.random() * complaints.length)];
        messages.push(this.sameAgainElsewhere(earlier.customer, earlier.message, at));
        mix.crossChannelDuplicates++;
      } else if (roll < 0.25 && threadable.length > 0) {
        const earlier =
          threadable[Math.max(0, threadable.length - 1 - Math.floor(this.random() * 200))];
        messages.push(this.reply(earlier.customer, earlier.message, at));
        mix.replies++;
      } else {
        const customer = this.customers[Math.floor(this.random() * this.customers.length)];
        const message = this.complaint(customer, at);
        complaints.push({ customer, message });
        if (message.channel === 'email' || message.channel === 'whatsapp')
          threadable.push({ customer, message });
        messages.push(message);
        mix.fresh++;
      }
    }
    return { messages, mix };
  }

  /** A fresh complaint (used by the latency phase too). */
  complaint(customer: Customer = this.pick(this.customers), at = new Date()): InboundMessageV1 {
    const text = `Merhaba, ${this.pick(STORES)} mağazanızdan aldığım ${this.pick(PRODUCTS)} ${this.pick(ISSUES)}. Sipariş numaram ${100_000 + Math.floor(this.random() * 900_000)}. ${this.pick(DEMANDS)}`;
    const channel = this.pick(['email', 'web-form', 'whatsapp', 'call-center'] as const);
    return this.envelope(customer, channel, text, at);
  }

  private sameAgainElsewhere(
    customer: Customer,
    earlier: InboundMessageV1,
    at: Date,
  ): InboundMessageV1 {
    const channel = earlier.channel === 'whatsapp' ? 'call-center' : 'whatsapp';
    const text = `Tekrar yazıyorum: ${earlier.text.replace(/^Merhaba, /, '').toLocaleUpperCase('tr')}`;
    return this.envelope(customer, channel, text, at);
  }

  private reply(customer: Customer, earlier: InboundMessageV1, at: Date): InboundMessageV1 {
    if (earlier.channel === 'email') {
      const reply = this.envelope(customer, 'email', this.pick(REPLIES), at);
      return {
        ...reply,
        subject: `Re: ${earlier.subject ?? ''}`,
        threading: { inReplyTo: earlier.sourceId, references: [earlier.sourceId] },
      };
    }
    return this.envelope(customer, 'whatsapp', this.pick(REPLIES), at);
  }

  private envelope(
    customer: Customer,
    channel: InboundMessageV1['channel'],
    text: string,
    at: Date,
  ): InboundMessageV1 {
    const messageId = randomUUID();
    const base = {
      schemaVersion: 1 as const,
      messageId,
      receivedAt: at.toISOString(),
      text,
      attachments: [],
      language: 'tr' as const,
    };
    switch (channel) {
      case 'email':
        return {
          ...base,
          channel,
          channelAccount: 'sikayet@ornekmagaza.com.tr',
          sourceId: `<${messageId}@mail.example.com>`,
          sender: { email: customer.email, displayName: `${customer.name} ${customer.surname}` },
          subject: 'Şikâyet',
        };
      case 'whatsapp':
        return {
          ...base,
          channel,
          channelAccount: '+902121234567',
          sourceId: `wamid.${messageId}`,
          sender: { whatsappId: customer.whatsappId, displayName: customer.name },
        };
      case 'call-center':
        return {
          ...base,
          channel,
          channelAccount: 'santral',
          sourceId: `call-${messageId}`,
          sender: { name: customer.name, surname: customer.surname, phone: customer.phone },
        };
      default:
        return {
          ...base,
          channel,
          channelAccount: 'default',
          sourceId: messageId,
          sender: { name: customer.name, surname: customer.surname, phone: customer.phone },
          declaredType: 'complaint',
        };
    }
  }

  private pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)];
  }
}
