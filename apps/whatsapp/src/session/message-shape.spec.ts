import { join } from 'node:path';
import ts from 'typescript';

const SESSION_TYPES = join(__dirname, 'whatsapp-session.ts');

/**
 * Compiles a few lines against whatsapp-web.js's own type definitions (node_modules/whatsapp-web.js
 * /index.d.ts) and returns the errors. The adapter relies on the library's `Message` and
 * `MessageMedia` being usable as our `SessionMessage` and `SessionMedia`, and on the ack values
 * and the Client's event arguments it reads: an upgrade of the library that renames, retypes or
 * drops any of them makes these lines stop compiling, and this spec fails with the compiler's words.
 */
function compile(source: string): string[] {
  const file = join(__dirname, '__message-shape-check__.ts');
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2023,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    esModuleInterop: true,
    types: ['node'],
  };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  host.readFile = (name) => (name === file ? source : readFile(name));
  host.fileExists = (name) => name === file || fileExists(name);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, version, onError) =>
    name === file
      ? ts.createSourceFile(name, source, version)
      : getSourceFile(name, version, onError);
  const program = ts.createProgram([file], options, host);
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file?.fileName === file)
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

const ours = `import type { SessionAck, SessionMedia, SessionMessage } from ${JSON.stringify(
  SESSION_TYPES.replace(/\.ts$/, '.js'),
)};`;

describe("whatsapp-web.js's Message against our SessionMessage", () => {
  it("accepts the library's Message, MessageMedia, acks and Client events as the adapter reads them", () => {
    const errors = compile(`
      import type { Client, Message, MessageAck, MessageMedia } from 'whatsapp-web.js';
      ${ours}
      declare const message: Message;
      export const asOurs: SessionMessage = message;
      declare const media: MessageMedia;
      export const mediaAsOurs: SessionMedia = media;
      declare const ack: MessageAck;
      export const ackAsOurs: SessionAck = ack;
      declare const client: Client;
      client.on('message', (m: Message) => void (m satisfies SessionMessage));
      client.on('message_ack', (m: Message, a: MessageAck) => void [m.id._serialized, a]);
      client.on('qr', (qr: string) => void qr);
      client.on('disconnected', (reason) => void String(reason));
      client.on('auth_failure', (text: string) => void text);
      export const sent: Promise<Message> = client.sendMessage('905321234567@c.us', 'text');
    `);
    expect(errors).toEqual([]);
  }, 60_000);

  it('fails when a field the adapter reads is missing from the library (the check can fail)', () => {
    const errors = compile(`
      import type { Message } from 'whatsapp-web.js';
      ${ours}
      declare const message: Message;
      export const drifted: SessionMessage & { bodyText: string } = message;
    `);
    expect(errors.join('\n')).toContain('bodyText');
  }, 60_000);
});
