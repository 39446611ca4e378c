import type { MulterModuleOptions } from '@nestjs/platform-express';
import { AttachmentUploadStorage, type AttachmentLimits } from './attachment-upload.storage';

/** The form's file input; files under any other name are skipped unread. */
export const ATTACHMENTS_FIELD = 'attachments';

/**
 * Multipart parsing for the page (multer, through @nestjs/platform-express). The per-file size
 * and count rules are the storage engine's, which reports them per file; multer's own limits
 * are only the backstop against a hand-made request, and end it with 400/413.
 */
export function attachmentUploadOptions(limits: AttachmentLimits): MulterModuleOptions {
  return {
    storage: new AttachmentUploadStorage(limits),
    // Browsers send file names as raw UTF-8: "şikâyet-fişi.pdf" must not become mojibake.
    defParamCharset: 'utf8',
    fileFilter: (_req, file, accept) => accept(null, file.fieldname === ATTACHMENTS_FIELD),
    limits: {
      files: limits.maxFiles * 2 + 2,
      fields: 100,
      fieldNameSize: 100,
      fieldSize: 64 * 1024,
      parts: 200,
      headerPairs: 100,
    },
  };
}
