import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

/** The ops API described at `/docs` (Swagger UI) and `/docs-json`, with the bearer token scheme. */
export function setupOpenApi(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('Complaint gateway: core ops API')
    .setDescription(
      'Cases, their status workflow, notes, dead letters, SLA figures and API tokens. ' +
        'Every endpoint needs `Authorization: Bearer <token>` (roles ops, manager, admin).',
    )
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'API token' }, 'api-token')
    .build();
  SwaggerModule.setup('docs', app, () => SwaggerModule.createDocument(app, config));
}
