import { randomUUID } from 'node:crypto';
import { envelope, startTestCore, type RunningApp } from '../support/apps';
import { decided, eventOf, publish } from '../support/intake-helpers';
import { TestEnvironment } from '../support/test-environment';

/** Threading rules of core, each against the real broker and database. */
describe('threading', () => {
  const env = new TestEnvironment('threading');
  let core: RunningApp;

  beforeAll(async () => {
    core = await startTestCore(env, { THREAD_CONVERSATION_WINDOW_HOURS: '2' });
  }, 90_000);

  afterAll(async () => {
    await core?.close();
    await env.destroy();
  }, 60_000);

  const ayse = {
    name: 'Ayşe',
    surname: 'Yılmaz',
    phone: '+905321110001',
    email: 'ayse.yilmaz@example.com',
  };
  const mehmet = { name: 'Mehmet', surname: 'Demir', phone: '+905321110002' };

  it('attaches a message quoting its own reference number to that case', async () => {
    const first = envelope({
      sender: ayse,
      text: 'Buzdolabım teslim edilmedi, iki haftadır bekliyorum.',
    });
    await publish(env, first);
    const opened = await decided(env, first.messageId);

    const followUp = envelope({
      channel: 'email',
      channelAccount: 'sikayet@ornekmagaza.com.tr',
      sourceId: `<${randomUUID()}@mail.example.com>`,
      sender: { email: 'AYSE.YILMAZ@example.com' },
      subject: `Re: başvurum ${opened.reference!.toLowerCase().replace(/-/g, ' ')}`,
      text: 'Hâlâ bir haber yok, lütfen dönüş yapın.',
    });
    await publish(env, followUp);
    const joined = await decided(env, followUp.messageId);
    expect(joined).toMatchObject({
      case_id: opened.case_id,
      link_kind: 'reference',
      customer_id: opened.customer_id,
    });
    await eventOf(
      env,
      opened.case_id!,
      'case.message_attached',
      (e) => e.data.messageId === followUp.messageId && e.data.via === 'reference',
    );
  }, 60_000);

  it("gives a stranger quoting someone else's reference number their own case, linked as related", async () => {
    const first = envelope({ sender: ayse, text: 'Çamaşır makinem servisten bozuk döndü.' });
    await publish(env, first);
    const ayseCase = await decided(env, first.messageId);

    const stranger = envelope({
      sender: mehmet,
      text: `Benim de şikâyetim var, ${ayseCase.reference} numarasına bakın.`,
    });
    await publish(env, stranger);
    const own = await decided(env, stranger.messageId);
    expect(own.case_id).not.toBe(ayseCase.case_id);
    expect(own.link_kind).toBe('opened');
    expect(own.customer_id).not.toBe(ayseCase.customer_id);
    expect(
      await env.sql(
        `SELECT kind FROM core.case_links WHERE case_id = $1 AND related_case_id = $2`,
        [own.case_id, ayseCase.case_id],
      ),
    ).toEqual([{ kind: 'quoted_reference' }]);
    const created = await eventOf(env, own.case_id!, 'case.created');
    expect(created.data.relatedReferences).toEqual([ayseCase.reference]);
  }, 60_000);

  it('threads an e-mail reply by In-Reply-To or References, from whatever mail client', async () => {
    const original = envelope({
      channel: 'email',
      channelAccount: 'sikayet@ornekmagaza.com.tr',
      sourceId: `<${randomUUID()}@mail.example.com>`,
      sender: { email: 'zeynep.kaya@example.com', displayName: 'Zeynep Kaya' },
      subject: 'Fatura hatası',
      text: 'Geçen ayki faturamda iki kez ücret alınmış.',
    });
    await publish(env, original);
    const opened = await decided(env, original.messageId);

    // A reply from another address of hers (a phone mail client), quoting only References.
    const reply = envelope({
      channel: 'email',
      channelAccount: 'sikayet@ornekmagaza.com.tr',
      sourceId: `<${randomUUID()}@phone.example.net>`,
      sender: { email: 'zeynep.k@example.net' },
      subject: 'Re: Fatura hatası',
      text: 'Ekstremi ekliyorum.',
      threading: { references: ['<unknown@elsewhere>', original.sourceId] },
    });
    await publish(env, reply);
    expect(await decided(env, reply.messageId)).toMatchObject({
      case_id: opened.case_id,
      link_kind: 'email_thread',
    });
  }, 60_000);

  it('continues a WhatsApp conversation while the case is open, and starts a new one after the window', async () => {
    const waSender = { whatsappId: '905321110003', displayName: 'Elif' };
    const hello = envelope({
      channel: 'whatsapp',
      channelAccount: '+902121234567',
      sourceId: `wamid.${randomUUID()}`,
      sender: waSender,
      text: 'Merhaba, siparişim eksik geldi.',
    });
    await publish(env, hello);
    const opened = await decided(env, hello.messageId);

    const more = envelope({
      channel: 'whatsapp',
      channelAccount: '+902121234567',
      sourceId: `wamid.${randomUUID()}`,
      sender: waSender,
      text: 'Fotoğrafını da gönderiyorum.',
      receivedAt: new Date(Date.parse(hello.receivedAt) + 60_000).toISOString(),
    });
    await publish(env, more);
    expect(await decided(env, more.messageId)).toMatchObject({
      case_id: opened.case_id,
      link_kind: 'conversation',
    });

    const nextDay = envelope({
      channel: 'whatsapp',
      channelAccount: '+902121234567',
      sourceId: `wamid.${randomUUID()}`,
      sender: waSender,
      text: 'Başka bir konu: mağazadaki fiyat etiketi yanlıştı.',
      receivedAt: new Date(Date.parse(hello.receivedAt) + 3 * 3_600_000).toISOString(),
    });
    await publish(env, nextDay);
    const later = await decided(env, nextDay.messageId);
    expect(later.case_id).not.toBe(opened.case_id);
    expect(later.customer_id).toBe(opened.customer_id);
  }, 60_000);
});
