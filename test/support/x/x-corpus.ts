import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The X API corpus kept with the project's shared documents (../shared/corpus/x-api): response
 * bodies and webhook payloads as X documents them or as they were captured, never our own.
 */
export const X_CORPUS_DIR = join(__dirname, '..', '..', '..', '..', 'shared', 'corpus', 'x-api');

export function corpusText(name: string): string {
  return readFileSync(join(X_CORPUS_DIR, name), 'utf8');
}

export function corpusJson<T = any>(name: string): T {
  return JSON.parse(corpusText(name)) as T;
}

export function corpusBytes(name: string): Buffer {
  return readFileSync(join(X_CORPUS_DIR, name));
}

/** The signature test vectors: (body file, x-twitter-webhooks-signature, consumer secret). */
export function signatureVectors(): {
  body: Buffer;
  bodyFile: string;
  signature: string;
  secret: string;
}[] {
  return corpusText('zammad-aaa/signature-vectors/vectors.tsv')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split('\t'))
    .map(([bodyFile, signature, secret]) => ({
      bodyFile,
      body: corpusBytes(`zammad-aaa/signature-vectors/${bodyFile}`),
      signature,
      secret,
    }));
}
