import { load } from 'js-yaml';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const ZAMMAD_CORPUS = join(
  __dirname,
  '..',
  '..',
  '..',
  '..',
  'shared',
  'corpus',
  'zammad-mail',
);

export interface ZammadFixture {
  name: string;
  /** The mail's bytes: the byte-level reconstruction of restored/ where the corpus has one. */
  raw: Buffer;
  expected: {
    fromEmail?: string;
    fromDisplayName?: string;
    subject?: string;
  };
}

/** Zammad's expectations are Ruby YAML with typed hashes; the tags carry nothing we need. */
function expectationsOf(text: string): ZammadFixture['expected'] {
  const data = (load(text.replace(/!(ruby\/[^\s]+|binary)(?=\s)/g, '')) ?? {}) as Record<
    string,
    unknown
  >;
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  return {
    fromEmail: str(data.from_email),
    fromDisplayName: str(data.from_display_name),
    subject: str(data.subject),
  };
}

/** Every mail of the corpus with its expected parse, in file order. */
export function zammadFixtures(): ZammadFixture[] {
  return readdirSync(ZAMMAD_CORPUS)
    .filter((f) => f.endsWith('.box'))
    .sort()
    .map((file) => {
      const name = file.replace(/\.box$/, '');
      const restored = join(ZAMMAD_CORPUS, 'restored', file);
      const raw = readFileSync(existsSync(restored) ? restored : join(ZAMMAD_CORPUS, file));
      const yml = join(ZAMMAD_CORPUS, `${name}.yml`);
      return {
        name,
        raw,
        expected: existsSync(yml) ? expectationsOf(readFileSync(yml, 'utf8')) : {},
      };
    });
}
