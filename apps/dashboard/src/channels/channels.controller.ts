import { Controller, Get, Sse, UseGuards, type MessageEvent } from '@nestjs/common';
import type { Observable } from 'rxjs';
import { CurrentViewer, ViewerGuard } from '../auth/viewer.guard';
import type { Viewer } from '../auth/viewer';
import type { DashboardSnapshot } from '../snapshot/dto/dashboard-snapshot';
import { LiveSnapshots } from '../snapshot/live-snapshots';
import { BuildSnapshot } from '../snapshot/usecases/build-snapshot.usecase';

@Controller('api/v1/channels')
@UseGuards(ViewerGuard)
export class ChannelsController {
  constructor(
    private readonly buildSnapshot: BuildSnapshot,
    private readonly liveSnapshots: LiveSnapshots,
  ) {}

  /** The dashboard's data as JSON, for a session or a bearer token. */
  @Get('health')
  health(@CurrentViewer() viewer: Viewer): Promise<DashboardSnapshot> {
    return this.buildSnapshot.execute(viewer);
  }

  /** The same, live, as server-sent events. */
  @Sse('stream')
  stream(@CurrentViewer() viewer: Viewer): Observable<MessageEvent> {
    return this.liveSnapshots.stream(viewer);
  }
}
