import { Injectable } from '@nestjs/common';
import { TEMPLATE_VARIABLES } from '../reply-template.defaults';
import { ReplyTemplateRepository } from '../reply-template.repository';
import { unknownPlaceholders } from '../template-renderer';
import { TemplateException } from '../templates.exception';
import {
  TemplateKeySchema,
  toTemplateResponse,
  type TemplateResponse,
  type UpdateTemplateRequest,
} from '../dto/template.dto';

/** Reading and changing the reply templates, for admins. */
@Injectable()
export class ManageTemplates {
  constructor(private readonly templates: ReplyTemplateRepository) {}

  async get(kind: string, language: string): Promise<TemplateResponse> {
    const key = this.key(kind, language);
    return toTemplateResponse(
      await this.templates.find(key.kind, key.language),
      TEMPLATE_VARIABLES,
    );
  }

  async update(
    kind: string,
    language: string,
    request: UpdateTemplateRequest,
    by: string,
  ): Promise<TemplateResponse> {
    const key = this.key(kind, language);
    const unknown = unknownPlaceholders(`${request.subject}\n${request.body}`, TEMPLATE_VARIABLES);
    if (unknown.length > 0) {
      throw new TemplateException(
        'template_placeholder_unknown',
        'the template uses placeholders that are not variables',
        { unknown, variables: TEMPLATE_VARIABLES },
      );
    }
    return toTemplateResponse(
      await this.templates.save(key.kind, key.language, request, by),
      TEMPLATE_VARIABLES,
    );
  }

  private key(kind: string, language: string) {
    const parsed = TemplateKeySchema.safeParse({ kind, language });
    if (!parsed.success)
      throw new TemplateException('template_unknown', 'no template has this kind and language');
    return parsed.data;
  }
}
