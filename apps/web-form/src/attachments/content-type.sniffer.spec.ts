import { sniffContentType } from './content-type.sniffer';

const bytes = (...parts: (number[] | string)[]) =>
  Buffer.concat(
    parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))),
  );

function ftyp(major: string, ...compatible: string[]): Buffer {
  const size = 16 + compatible.length * 4;
  const box = Buffer.alloc(size);
  box.writeUInt32BE(size, 0);
  box.write(`ftyp${major}`, 4, 'latin1');
  compatible.forEach((brand, i) => box.write(brand, 16 + i * 4, 'latin1'));
  return Buffer.concat([box, Buffer.alloc(32)]);
}

describe('sniffContentType', () => {
  it('recognises JPEG, PNG, WebP and PDF by their magic numbers', () => {
    expect(sniffContentType(bytes([0xff, 0xd8, 0xff, 0xe0], 'JFIF'))).toBe('image/jpeg');
    expect(sniffContentType(bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a, 0, 0]))).toBe(
      'image/png',
    );
    expect(sniffContentType(bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 '))).toBe('image/webp');
    expect(sniffContentType(bytes('%PDF-1.7\n%âãÏÓ\n'))).toBe('application/pdf');
    // Some generators put a few bytes of junk before the header; readers accept it.
    expect(sniffContentType(bytes([0xef, 0xbb, 0xbf], '%PDF-1.4'))).toBe('application/pdf');
  });

  it('tells HEIC photos and other HEIF images from AVIF, which is not accepted', () => {
    expect(sniffContentType(ftyp('heic', 'mif1', 'heic'))).toBe('image/heic');
    expect(sniffContentType(ftyp('mif1', 'heic'))).toBe('image/heic');
    expect(sniffContentType(ftyp('mif1', 'miaf'))).toBe('image/heif');
    expect(sniffContentType(ftyp('avif', 'mif1', 'miaf'))).toBeUndefined();
    expect(sniffContentType(ftyp('isom', 'mp41'))).toBeUndefined();
  });

  it('refuses what only claims to be accepted', () => {
    expect(sniffContentType(bytes('MZ', [0x90, 0, 3, 0]))).toBeUndefined();
    expect(sniffContentType(bytes('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeUndefined();
    expect(sniffContentType(bytes('GIF89a'))).toBeUndefined();
    expect(sniffContentType(Buffer.alloc(0))).toBeUndefined();
    expect(sniffContentType(bytes('PK', [3, 4], 'word/document.xml'))).toBeUndefined();
  });
});
