import { Controller, Get, HttpCode, Param, Post, StreamableFile, UseGuards } from '@nestjs/common';
import { OpsAuthGuard } from '@app/platform';
import type { SessionStatus } from './dto/session-status';
import { ListSessions } from './usecases/list-sessions.usecase';
import { RelinkSession } from './usecases/relink-session.usecase';
import { RenderSessionQr } from './usecases/render-session-qr.usecase';

/** Ops endpoints of WhatsApp Web sessions, behind ADMIN_TOKEN. `:account` is the E.164 number. */
@Controller('api/v1/whatsapp/sessions')
@UseGuards(OpsAuthGuard)
export class SessionOpsController {
  constructor(
    private readonly listSessions: ListSessions,
    private readonly renderQr: RenderSessionQr,
    private readonly relinkSession: RelinkSession,
  ) {}

  @Get()
  list(): SessionStatus[] {
    return this.listSessions.execute();
  }

  @Get(':account/qr.png')
  async qr(@Param('account') account: string): Promise<StreamableFile> {
    return new StreamableFile(await this.renderQr.execute(account), { type: 'image/png' });
  }

  @Post(':account/relink')
  @HttpCode(202)
  relink(@Param('account') account: string): Promise<SessionStatus> {
    return this.relinkSession.execute(account);
  }
}
