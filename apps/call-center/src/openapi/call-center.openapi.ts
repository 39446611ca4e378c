import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { CallCenterModule } from '../call-center.module';

const DESCRIPTION = `
The call-centre channel of the complaint intake gateway: the telephony or CCaaS system posts each
call after it ends, and gets back the reference number of the case to read to the caller.

**Signing.** Every request carries \`X-Timestamp\` (Unix seconds) and
\`X-Signature: sha256=<hex>\`, the HMAC-SHA256 keyed with the shared secret
(\`CALL_CENTER_WEBHOOK_SECRET\`) of the bytes \`<X-Timestamp>.<raw body>\`: the timestamp, a full
stop, and the body exactly as sent. Requests signed more than 5 minutes ago, or more than 30
seconds in the future, are refused as replays; signatures are compared in constant time. During a
secret rotation both the new and the previous secret are accepted.

\`\`\`sh
ts=$(date +%s)
sig=$(printf '%s.%s' "$ts" "$body" | openssl dgst -sha256 -hmac "$secret" -hex | sed 's/^.* //')
curl -X POST "$url/api/v1/call-center/events" -H 'Content-Type: application/json' \\
  -H "X-Timestamp: $ts" -H "X-Signature: sha256=$sig" --data-binary "$body"
\`\`\`
`;

export function callCenterOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Complaint gateway: call-centre webhook')
    .setDescription(DESCRIPTION.trim())
    .setVersion('1')
    .addSecurity('webhookSignature', {
      type: 'apiKey',
      in: 'header',
      name: 'X-Signature',
      description: 'sha256=<hex HMAC-SHA256 of "<X-Timestamp>.<raw body>">, with X-Timestamp.',
    })
    .build();
  return SwaggerModule.createDocument(app, config, { include: [CallCenterModule] });
}

/** Swagger UI at `/docs`, the document itself at `/docs-json`: public, it holds no secrets. */
export function serveOpenApi(app: INestApplication): void {
  SwaggerModule.setup('docs', app, () => callCenterOpenApiDocument(app), {
    jsonDocumentUrl: 'docs-json',
    yamlDocumentUrl: 'docs-yaml',
  });
}
