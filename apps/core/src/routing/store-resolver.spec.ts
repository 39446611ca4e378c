import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseStoresFile } from './import/parse-stores-file';
import type { StoresFile } from './import/stores-file.schema';
import type { RoutingCatalogue, Store } from './routing-catalogue';
import { StoreResolver, type RoutingInput } from './store-resolver';

const SEED = join(__dirname, '..', '..', '..', '..', 'deploy', 'seed', 'stores.json');

function catalogueOf(file: StoresFile): RoutingCatalogue {
  return {
    regions: file.regions.map((r) => ({
      code: r.code,
      name: r.name,
      contacts: r.contacts,
      manager: { id: `manager-${r.code}`, ...r.manager, phone: r.manager.phone ?? null },
    })),
    stores: file.stores.map((s) => ({
      code: s.code,
      name: s.name,
      aliases: s.aliases,
      city: s.city,
      district: s.district,
      regionCode: s.regionCode,
      contacts: s.contacts,
    })),
  };
}

function loadSeed(): RoutingCatalogue {
  const parsed = parseStoresFile(readFileSync(SEED, 'utf8'));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return catalogueOf(parsed.file);
}

const message = (text: string, extra: Partial<RoutingInput> = {}): RoutingInput => ({
  channelAccount: 'default',
  text,
  ...extra,
});

describe('StoreResolver on the seed catalogue', () => {
  const resolver = new StoreResolver(loadSeed());
  const resolve = (text: string, extra: Partial<RoutingInput> = {}) =>
    resolver.resolve(message(text, extra));

  describe('structured store code', () => {
    it('wins over everything else, case-insensitively', () => {
      expect(
        resolve('Bağdat Caddesi mağazası', {
          storeCode: ' ist-kdk-01 ',
          recipient: 'ege@ornekmagaza.com.tr',
        }),
      ).toEqual({
        kind: 'store',
        storeCode: 'IST-KDK-01',
        regionCode: 'MAR',
        via: 'store_code',
        matched: 'IST-KDK-01',
      });
    });

    it('falls through to the other rules when the code is unknown', () => {
      expect(resolve('Kadıköy şubesi', { storeCode: 'IST-XXX-99' })).toMatchObject({
        kind: 'store',
        storeCode: 'IST-KDK-01',
        via: 'text',
      });
      expect(resolve('iade', { storeCode: 'IST-XXX-99' })).toMatchObject({
        kind: 'triage',
        reason: expect.stringContaining('store code'),
      });
    });
  });

  describe('recipient and channel account', () => {
    it('maps a store mailbox, whatever its case or display name', () => {
      expect(
        resolve('Merhaba, iade talebim var.', {
          recipient: 'Kadıköy Mağazası <KADIKOY@OrnekMagaza.com.tr>',
        }),
      ).toEqual({
        kind: 'store',
        storeCode: 'IST-KDK-01',
        regionCode: 'MAR',
        via: 'recipient',
        matched: 'kadikoy@ornekmagaza.com.tr',
      });
    });

    it('maps a store phone line written the national way', () => {
      expect(resolve('Aradım kimse açmadı.', { recipient: '0216 000 11 02' })).toMatchObject({
        kind: 'store',
        storeCode: 'IST-KDK-02',
        via: 'recipient',
        matched: '+902160001102',
      });
    });

    it('maps the channel account a message arrived on (a WhatsApp line)', () => {
      expect(resolve('Fiş kayboldu', { channelAccount: '903220003101' })).toMatchObject({
        kind: 'store',
        storeCode: 'ADN-SYH-01',
        regionCode: 'AKD',
        via: 'channel_account',
      });
      expect(resolve('Fiş kayboldu', { channelAccount: '903220003101@c.us' })).toMatchObject({
        storeCode: 'ADN-SYH-01',
      });
    });

    it('prefers a store address in either field to a region address', () => {
      expect(
        resolve('Merhaba', {
          recipient: 'ege@ornekmagaza.com.tr',
          channelAccount: 'zorlu@ornekmagaza.com.tr',
        }),
      ).toMatchObject({ kind: 'store', storeCode: 'IST-BSK-02', via: 'channel_account' });
    });

    it('routes a regional mailbox to its region', () => {
      expect(resolve('Ürün bozuk çıktı', { recipient: 'ege@ornekmagaza.com.tr' })).toEqual({
        kind: 'region',
        regionCode: 'EGE',
        via: 'recipient',
        candidates: [],
        matched: 'ege@ornekmagaza.com.tr',
      });
      expect(resolve('Ürün bozuk çıktı', { channelAccount: '+90 850 000 10 01' })).toMatchObject({
        kind: 'region',
        regionCode: 'MAR',
        via: 'channel_account',
      });
    });

    it('lets the text name a store within the region of a regional mailbox', () => {
      expect(
        resolve("Alsancak'taki mağazanızda", { recipient: 'ege@ornekmagaza.com.tr' }),
      ).toMatchObject({ kind: 'store', storeCode: 'IZM-KNK-01', regionCode: 'EGE', via: 'text' });
      expect(
        resolve("Konak'taki mağazanızda", { recipient: 'ege@ornekmagaza.com.tr' }),
      ).toMatchObject({
        kind: 'region',
        regionCode: 'EGE',
        via: 'recipient',
        candidates: ['IZM-KNK-01', 'IZM-KNK-02'],
      });
    });

    it('keeps the region of the mailbox when the text names a store elsewhere', () => {
      expect(resolve('Kadıköy şubesi', { recipient: 'ege@ornekmagaza.com.tr' })).toMatchObject({
        kind: 'region',
        regionCode: 'EGE',
        candidates: [],
      });
    });

    it('ignores addresses it does not know', () => {
      expect(
        resolve('Ürün bozuk', {
          recipient: 'sikayet@ornekmagaza.com.tr',
          channelAccount: 'default',
        }),
      ).toMatchObject({ kind: 'triage' });
    });
  });

  describe('text', () => {
    it.each([
      ['Kadıköy şubesi', 'IST-KDK-01', 'Kadıköy'],
      ['KADIKOY subesinde iadem reddedildi', 'IST-KDK-01', 'Kadıköy'],
      ["Kadıköy'deki mağazanızda", 'IST-KDK-01', 'Kadıköy'],
      ['kadıköydeki mağazanızda', 'IST-KDK-01', 'Kadıköy'],
      ['Bağdat Caddesi mağazası', 'IST-KDK-02', 'Bağdat Caddesi'],
      ["Bağdat Caddesi'ndeki kasiyer", 'IST-KDK-02', 'Bağdat Caddesi'],
      ['BAGDAT CADDESINDEKI kasiyer', 'IST-KDK-02', 'Bağdat Caddesi'],
      ['bağdat cad. şubesi', 'IST-KDK-02', 'Bağdat Cad.'],
      ["Forum İstanbul AVM'de aldığım ayakkabı", 'IST-BYP-01', 'Forum İstanbul AVM'],
      ["Zorlu AVM'deki mağaza", 'IST-BSK-02', 'Zorlu AVM'],
      ["MarkAntalya'dan aldım", 'ANT-MRP-01', 'MarkAntalya'],
      ['Sankoparktaki şubeniz', 'GAZ-SHK-01', 'Sankopark'],
      ['Korupark AVM mağazanız', 'BRS-OSM-01', 'Korupark AVM'],
      ['Ankara Kızılay şubesi', 'ANK-CNK-01', 'Ankara Kızılay'],
      ['iyaşpark avmde', 'ISP-MRK-01', 'Iyaşpark'],
    ])('"%s" -> %s', (text, storeCode, matched) => {
      expect(resolve(text)).toMatchObject({ kind: 'store', storeCode, via: 'text', matched });
    });

    it('reads the subject too, but never a name running from the subject into the text', () => {
      expect(resolve('Kasada sorun yaşadım', { subject: 'Kızılay mağazası' })).toMatchObject({
        storeCode: 'ANK-CNK-01',
      });
      expect(resolve('Caddesi mağazası', { subject: 'Bağdat' })).toMatchObject({
        kind: 'triage',
      });
    });

    it('makes a district with several stores of one region a region decision', () => {
      expect(resolve("Çankaya'daki mağazanızda")).toEqual({
        kind: 'region',
        regionCode: 'ICA',
        via: 'text',
        candidates: ['ANK-CNK-01', 'ANK-CNK-02', 'ANK-CNK-03'],
        matched: 'Çankaya',
      });
      expect(resolve('Beşiktaş şubesinde')).toMatchObject({
        kind: 'region',
        regionCode: 'MAR',
        candidates: ['IST-BSK-01', 'IST-BSK-02'],
      });
    });

    it('sends a district found in several regions to triage unless a city narrows it', () => {
      expect(resolve("Yenişehir'deki mağaza")).toMatchObject({ kind: 'triage' });
      expect(resolve("Mersin Yenişehir'deki mağaza")).toMatchObject({
        kind: 'store',
        storeCode: 'MER-YNS-01',
      });
      expect(resolve('Diyarbakır Yenişehir şubesi')).toMatchObject({
        kind: 'store',
        storeCode: 'DYB-YNS-01',
      });
    });

    it('makes a city with several stores of one region a region decision', () => {
      expect(resolve("İzmir'deki mağazanızda")).toMatchObject({
        kind: 'region',
        regionCode: 'EGE',
        candidates: ['IZM-BRN-01', 'IZM-GZM-01', 'IZM-KNK-01', 'IZM-KNK-02', 'IZM-KSK-01'],
        matched: 'İzmir',
      });
    });

    it('lets a store name beat the district and city around it', () => {
      expect(resolve('İstanbul Beşiktaş Zorlu Center mağazası')).toMatchObject({
        kind: 'store',
        storeCode: 'IST-BSK-02',
      });
    });

    it('makes several stores of one region a region decision, across regions triage', () => {
      expect(resolve('Önce Kadıköy sonra Zorlu mağazasına gittim')).toMatchObject({
        kind: 'region',
        regionCode: 'MAR',
        candidates: ['IST-BSK-02', 'IST-KDK-01'],
        matched: 'Kadıköy, Zorlu',
      });
      expect(resolve('Kadıköy şubesinde alıp Alsancak şubesine götürdüm')).toMatchObject({
        kind: 'triage',
        reason: expect.stringContaining('EGE, MAR'),
      });
      // The seed gives "Optimum" to the İzmir and the Ankara outlet: a customer must say which.
      expect(resolve("Optimum AVM'deki mağaza")).toMatchObject({ kind: 'triage' });
    });

    it('does not take an employee named like a place for the place', () => {
      expect(resolve('Kasadaki Nilüfer Hanım çok kaba davrandı')).toMatchObject({
        kind: 'triage',
      });
      expect(resolve("Seyhan Bey'e iletmiştim")).toMatchObject({ kind: 'triage' });
      expect(resolve('Nilüfer şubesi')).toMatchObject({ kind: 'store', storeCode: 'BRS-NLF-01' });
    });

    it('does not route by the generic district name "Merkez"', () => {
      expect(resolve('Merkez şubenizde')).toMatchObject({ kind: 'triage' });
    });

    it('sends a message with nothing to go by to triage', () => {
      expect(resolve('Aldığım ürün iki günde bozuldu, iade istiyorum.')).toEqual({
        kind: 'triage',
        reason: 'no store code, known recipient, known channel account or place name in the text',
      });
      expect(resolve('')).toMatchObject({ kind: 'triage' });
    });
  });
});

describe('StoreResolver matching rules', () => {
  const store = (code: string, regionCode: string, over: Partial<Store> = {}): Store => ({
    code,
    name: `Mağaza ${code}`,
    aliases: [],
    city: 'Şehir',
    district: 'İlçe',
    regionCode,
    contacts: [],
    ...over,
  });
  const region = (code: string) => ({ code, name: code, manager: null, contacts: [] });
  const resolver = new StoreResolver({
    regions: [region('R1'), region('R2')],
    stores: [
      store('ADA-01', 'R1', { name: 'Sakarya Serdivan', aliases: ['Ada'], city: 'Sakarya' }),
      store('MAV-01', 'R1', { name: 'Karşıyaka Mavi', aliases: ['Mavi'], city: 'İzmir' }),
      store('KRS-01', 'R2', { name: 'Kars Kazımpaşa', city: 'Kars', district: 'Kazımpaşa' }),
      store('BOL-01', 'R1', { name: 'Bolu Çarşı', city: 'Bolu', district: 'Köroğlu' }),
      store('BOL-02', 'R2', { name: 'Bolu Gerede', city: 'Bolu', district: 'Gerede' }),
      store('GONE-01', 'R9', { name: 'Kapanan Mağaza', aliases: ['Kapanan'] }),
    ],
  });
  const resolve = (text: string) => resolver.resolve(message(text));

  it('matches a short alias only as a whole word', () => {
    expect(resolve('Ada şubesi')).toMatchObject({ kind: 'store', storeCode: 'ADA-01' });
    expect(resolve("Ada'daki şube")).toMatchObject({ kind: 'store', storeCode: 'ADA-01' });
    expect(resolve('adalet istiyorum, adamakıllı bir cevap verin')).toMatchObject({
      kind: 'triage',
    });
    expect(resolve('Adadaki şube')).toMatchObject({ kind: 'triage' });
  });

  it('accepts only Turkish suffixes after a longer alias', () => {
    expect(resolve('Mavide aldım')).toMatchObject({ storeCode: 'MAV-01' });
    expect(resolve('Maviye gittim')).toMatchObject({ storeCode: 'MAV-01' });
    expect(resolve('Mavişehir tarafında oturuyorum')).toMatchObject({ kind: 'triage' });
  });

  it('does not read a short place name into a common word', () => {
    expect(resolve('Mağazanın karşısındaki kafede bekledim')).toMatchObject({ kind: 'triage' });
    expect(resolve("Kars'taki mağazanız")).toMatchObject({ kind: 'store', storeCode: 'KRS-01' });
  });

  it('sends a city with stores in two regions to triage', () => {
    expect(resolve("Bolu'daki mağazanız")).toEqual({
      kind: 'triage',
      reason: '"Bolu" matches stores in several regions (R1, R2)',
    });
  });

  it('ignores stores whose region is not active', () => {
    expect(resolve('Kapanan mağaza')).toMatchObject({ kind: 'triage' });
    expect(resolver.resolve(message('x', { storeCode: 'GONE-01' }))).toMatchObject({
      kind: 'triage',
    });
  });
});
