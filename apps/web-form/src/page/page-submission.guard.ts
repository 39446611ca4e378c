import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { uploadHardCap } from '../attachments/attachment-upload.storage';
import { WEB_FORM_CONFIG, type WebFormConfig } from '../config/web-form.config';
import { WebFormException } from '../submission/web-form.exception';

/**
 * Checks a page submission before its body is read:
 * - a form posted from another site (the browser says `Sec-Fetch-Site: cross-site`) is refused.
 *   The form carries no cookie or session, so a forged post could do nothing a visitor could not
 *   do themselves; refusing it keeps other sites from submitting in a visitor's name anyway.
 * - a body announced larger than the attachments could ever need is refused at once (413)
 *   instead of being read to the end.
 */
@Injectable()
export class PageSubmissionGuard implements CanActivate {
  constructor(@Inject(WEB_FORM_CONFIG) private readonly config: WebFormConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<Request>();
    if (req.headers['sec-fetch-site'] === 'cross-site') {
      throw new WebFormException('cross_site_form', 'form posted from another site');
    }
    const length = Number(req.headers['content-length'] ?? 0);
    if (length > uploadHardCap(this.config.attachments)) {
      throw new WebFormException('payload_too_large', 'form body over the upload cap');
    }
    return true;
  }
}
