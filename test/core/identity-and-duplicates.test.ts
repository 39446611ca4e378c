import { randomUUID } from 'node:crypto';
import { envelope, startTestCore, type RunningApp } from '../support/apps';
import { decided, eventOf, publish } from '../support/intake-helpers';
import { TestEnvironment } from '../support/test-environment';

describe('customer identities and cross-channel duplicates', () => {
  const env = new TestEnvironment('identity');
  let core: RunningApp;

  beforeAll(async () => {
    core = await startTestCore(env);
  }, 90_000);

  afterAll(async () => {
    await core?.close();
    await env.destroy();
  }, 60_000);

  it('links the same complaint on WhatsApp and at the call centre to one case, as a repeated contact', async () => {
    const onWhatsApp = envelope({
      channel: 'whatsapp',
      channelAccount: '+902121234567',
      sourceId: `wamid.${randomUUID()}`,
      sender: { whatsappId: '905324440001', displayName: 'Hasan' },
      text: 'Kadıköy mağazasından aldığım televizyonun ekranı iki gün sonra bozuldu, değişim istiyorum.',
    });
    await publish(env, onWhatsApp);
    const opened = await decided(env, onWhatsApp.messageId);

    // Later the same day he calls; the agent writes it down in their own words.
    const onThePhone = envelope({
      channel: 'call-center',
      channelAccount: 'santral-istanbul',
      sourceId: `call-${randomUUID()}`,
      sender: {
        name: 'Hasan',
        surname: 'Öztürk',
        phone: '0532 444 00 01'.replace(/\s/g, '').replace(/^0/, '+90'),
      },
      text: 'Kadıköy mağazasından aldığı televizyonun ekranı iki gün sonra bozulmuş, değişim istiyor.',
      receivedAt: new Date(Date.parse(onWhatsApp.receivedAt) + 3_600_000).toISOString(),
    });
    await publish(env, onThePhone);
    const linked = await decided(env, onThePhone.messageId);
    expect(linked).toMatchObject({
      case_id: opened.case_id,
      link_kind: 'duplicate',
      customer_id: opened.customer_id,
    });
    const event = await eventOf(env, opened.case_id!, 'case.duplicate_linked');
    expect(event.data).toMatchObject({ messageId: onThePhone.messageId, channel: 'call-center' });
    expect(event.data.similarity).toBeGreaterThan(0.5);
    const [row] = await env.sql<{ repeat_contacts: number; message_count: number }>(
      `SELECT repeat_contacts, message_count FROM core.cases WHERE id = $1`,
      [opened.case_id],
    );
    expect(row).toEqual({ repeat_contacts: 1, message_count: 2 });
    // One customer, reachable by the WhatsApp id and by the phone number.
    const identities = await env.sql<{ kind: string; value: string }>(
      `SELECT kind, value FROM core.customer_identities WHERE customer_id = $1 ORDER BY kind`,
      [opened.customer_id],
    );
    expect(identities).toEqual([
      { kind: 'phone', value: '+905324440001' },
      { kind: 'whatsapp', value: '905324440001' },
    ]);
  }, 60_000);

  it('opens a new case when the same customer writes about something else', async () => {
    const sender = { email: 'fatma.celik@example.com' };
    const first = envelope({
      channel: 'web-form',
      sender,
      text: 'Online siparişim üç haftadır kargoya verilmedi.',
    });
    await publish(env, first);
    const a = await decided(env, first.messageId);
    const second = envelope({
      channel: 'web-form',
      sender,
      text: 'Ayrıca Bakırköy mağazasındaki kasiyer bana çok kaba davrandı.',
    });
    await publish(env, second);
    const b = await decided(env, second.messageId);
    expect(b.case_id).not.toBe(a.case_id);
    expect(b.customer_id).toBe(a.customer_id);
  }, 60_000);

  it('merges two known customers when one message shows they are the same person', async () => {
    const byMail = envelope({
      channel: 'web-form',
      sender: { email: 'ali.can@example.com' },
      text: 'Garanti kapsamındaki tamir çok uzun sürdü.',
    });
    const byPhone = envelope({
      channel: 'call-center',
      sourceId: `call-${randomUUID()}`,
      sender: { phone: '+905325550001' },
      text: 'Mağazada otopark ücretli olmuş, bilgi verilmedi.',
    });
    await publish(env, byMail, byPhone);
    const [m, p] = [await decided(env, byMail.messageId), await decided(env, byPhone.messageId)];
    expect(m.customer_id).not.toBe(p.customer_id);

    const both = envelope({
      channel: 'web-form',
      sender: { email: 'ali.can@example.com', phone: '+905325550001' },
      text: 'İade ettiğim ürünün parası hâlâ hesabıma geçmedi.',
    });
    await publish(env, both);
    const merged = await decided(env, both.messageId);
    const owners = await env.sql<{ customer_id: string }>(
      `SELECT DISTINCT customer_id FROM core.cases WHERE id = ANY($1::uuid[])`,
      [[m.case_id, p.case_id, merged.case_id]],
    );
    expect(owners).toHaveLength(1);
    const [loser] = await env.sql<{ merged_into: string }>(
      `SELECT merged_into FROM core.customers WHERE id = ANY($1::uuid[]) AND merged_into IS NOT NULL`,
      [[m.customer_id, p.customer_id]],
    );
    expect(loser.merged_into).toBe(owners[0].customer_id);
  }, 60_000);
});
