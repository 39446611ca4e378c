import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { EMAIL_CONFIG, type EmailConfig } from '../config/email.config';
import { EmailException } from '../email.exception';
import type { ReplyMail } from './reply-mail';

export interface OutgoingMail extends ReplyMail {
  to: string;
  replyTo?: string;
  text: string;
}

/** nodemailer over SMTP with the SMTP_* settings; one pooled transport for the process. */
@Injectable()
export class SmtpMailer implements OnApplicationShutdown {
  private readonly transport?: Transporter;

  constructor(@Inject(EMAIL_CONFIG) private readonly config: EmailConfig) {
    const smtp = config.smtp;
    if (smtp) {
      this.transport = createTransport({
        host: smtp.host,
        port: smtp.port,
        secure: smtp.secure,
        ...(smtp.user ? { auth: { user: smtp.user, pass: smtp.password } } : {}),
        pool: true,
        maxConnections: 2,
        connectionTimeout: 15_000,
        greetingTimeout: 15_000,
        socketTimeout: 60_000,
      });
    }
  }

  /** Sends; resolves with the Message-ID the mail went out with. */
  async send(mail: OutgoingMail): Promise<string> {
    if (!this.transport || !this.config.smtp) {
      throw new EmailException('smtp_not_configured', 'SMTP_HOST is not set', false);
    }
    const info = (await this.transport.sendMail({
      from: this.config.smtp.from,
      to: mail.to,
      ...(mail.replyTo ? { replyTo: mail.replyTo } : {}),
      subject: mail.subject,
      text: mail.text,
      messageId: mail.messageId,
      ...(mail.inReplyTo ? { inReplyTo: mail.inReplyTo } : {}),
      ...(mail.references.length > 0 ? { references: mail.references } : {}),
      headers: mail.headers,
      textEncoding: 'quoted-printable',
    })) as { messageId?: string };
    return info.messageId ?? mail.messageId;
  }

  onApplicationShutdown(): void {
    this.transport?.close();
  }
}
