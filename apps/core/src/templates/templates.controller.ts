import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ZodValidationPipe } from '@app/platform';
import { CurrentPrincipal, Roles, type Principal } from '../auth';
import {
  UpdateTemplateRequestSchema,
  type TemplateResponse,
  type UpdateTemplateRequest,
} from './dto/template.dto';
import { ManageTemplates } from './usecases/manage-templates.usecase';

/** The texts of acknowledgements, status updates, delay notices and surveys: admins edit them. */
@Controller('api/v1/templates')
@Roles('admin')
export class TemplatesController {
  constructor(private readonly templates: ManageTemplates) {}

  @Get(':kind/:language')
  get(@Param('kind') kind: string, @Param('language') language: string): Promise<TemplateResponse> {
    return this.templates.get(kind, language);
  }

  @Put(':kind/:language')
  update(
    @Param('kind') kind: string,
    @Param('language') language: string,
    @Body(new ZodValidationPipe(UpdateTemplateRequestSchema)) body: UpdateTemplateRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<TemplateResponse> {
    return this.templates.update(kind, language, body, principal.name);
  }
}
