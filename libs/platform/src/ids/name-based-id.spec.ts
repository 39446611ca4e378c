import { nameBasedId } from './name-based-id';

describe('nameBasedId', () => {
  it('gives the same name the same uuid and another name another one', () => {
    const id = nameBasedId('email:INBOX:42');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(nameBasedId('email:INBOX:42')).toBe(id);
    expect(nameBasedId('email:INBOX:43')).not.toBe(id);
  });

  it('keeps the ids already stored: the SHA-256 hex of the name in uuid form', () => {
    // sha256("abc") = ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad
    expect(nameBasedId('abc')).toBe('ba7816bf-8f01-5fea-a141-40de5dae2223');
  });
});
