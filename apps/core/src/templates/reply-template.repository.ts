import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { LANGUAGES, type Language } from '@app/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import {
  DEFAULT_TEMPLATES,
  TEMPLATE_KINDS,
  type TemplateKind,
  type TemplateText,
} from './reply-template.defaults';

export interface StoredTemplate extends TemplateText {
  kind: TemplateKind;
  language: Language;
  updatedAt: Date;
  updatedBy: string;
}

interface Row {
  kind: TemplateKind;
  language: Language;
  subject: string;
  body: string;
  updated_at: Date;
  updated_by: string;
}

const CACHE_MS = 10_000;

const toTemplate = (r: Row): StoredTemplate => ({
  kind: r.kind,
  language: r.language,
  subject: r.subject,
  body: r.body,
  updatedAt: r.updated_at,
  updatedBy: r.updated_by,
});

/**
 * Reply templates in PostgreSQL. The defaults are written at start-up without overwriting what an
 * admin changed, so every instance renders the same text and a new template kind gets its default.
 */
@Injectable()
export class ReplyTemplateRepository implements OnApplicationBootstrap {
  /**
   * Every reply renders a template, so they are kept for a few seconds instead of read for each
   * (a query per reply under load). An admin's edit shows at once on the instance that saved it
   * and within CACHE_MS on the others.
   */
  private readonly cache = new Map<string, { template: StoredTemplate; until: number }>();

  constructor(private readonly dataSource: DataSource) {}

  async onApplicationBootstrap(): Promise<void> {
    const rows = TEMPLATE_KINDS.flatMap((kind) =>
      LANGUAGES.map((language) => ({ kind, language, ...DEFAULT_TEMPLATES[kind][language] })),
    );
    await this.dataSource.query(
      `INSERT INTO reply_templates (kind, language, subject, body, updated_by)
       SELECT kind, language, subject, body, 'default'
         FROM jsonb_to_recordset($1::jsonb) AS x(kind text, language text, subject text, body text)
       ON CONFLICT (kind, language) DO NOTHING`,
      [JSON.stringify(rows)],
    );
  }

  async find(
    kind: TemplateKind,
    language: Language,
    em: EntityManager = this.dataSource.manager,
  ): Promise<StoredTemplate> {
    const key = `${kind}:${language}`;
    const cached = this.cache.get(key);
    if (cached && cached.until > Date.now()) return cached.template;
    const [row]: Row[] = await em.query(
      `SELECT kind, language, subject, body, updated_at, updated_by FROM reply_templates
        WHERE kind = $1 AND language = $2`,
      [kind, language],
    );
    const template: StoredTemplate = row
      ? toTemplate(row)
      : {
          kind,
          language,
          ...DEFAULT_TEMPLATES[kind][language],
          updatedAt: new Date(0),
          updatedBy: 'default',
        };
    this.cache.set(key, { template, until: Date.now() + CACHE_MS });
    return template;
  }

  async save(
    kind: TemplateKind,
    language: Language,
    text: TemplateText,
    by: string,
  ): Promise<StoredTemplate> {
    const [row]: Row[] = await this.dataSource.query(
      `INSERT INTO reply_templates (kind, language, subject, body, updated_by, updated_at)
       VALUES ($1, $2, $3, $4, $5, now())
       ON CONFLICT (kind, language) DO UPDATE
          SET subject = EXCLUDED.subject, body = EXCLUDED.body,
              updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at
       RETURNING kind, language, subject, body, updated_at, updated_by`,
      [kind, language, text.subject, text.body, by],
    );
    this.cache.delete(`${kind}:${language}`);
    return toTemplate(row);
  }
}
