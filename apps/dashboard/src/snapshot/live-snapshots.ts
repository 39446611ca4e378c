import { Injectable, type MessageEvent } from '@nestjs/common';
import { concatMap, from, merge, of, takeWhile, type Observable } from 'rxjs';
import { SessionRepository } from '../auth/session.repository';
import type { Viewer } from '../auth/viewer';
import { BoardTicker } from '../channels/board-ticker';
import { CoreApiException } from '../core-api/core-api.exception';
import { BuildSnapshot } from './usecases/build-snapshot.usecase';

/**
 * A viewer's server-sent events: a `snapshot` at once, then at every push interval and whenever a
 * row changes state; a last `signed-out` when their session ends (signed out elsewhere, expired,
 * or the token revoked in core), after which the stream closes.
 */
@Injectable()
export class LiveSnapshots {
  constructor(
    private readonly ticker: BoardTicker,
    private readonly buildSnapshot: BuildSnapshot,
    private readonly sessions: SessionRepository,
  ) {}

  stream(viewer: Viewer): Observable<MessageEvent> {
    return merge(of(undefined), this.ticker.updates).pipe(
      concatMap(() => from(this.next(viewer))),
      takeWhile((event) => event.type !== 'signed-out', true),
    );
  }

  private async next(viewer: Viewer): Promise<MessageEvent> {
    const signedOut: MessageEvent = { type: 'signed-out', data: {} };
    if (viewer.session && !(await this.sessions.isActive(viewer.session.idHash))) return signedOut;
    try {
      return { type: 'snapshot', data: await this.buildSnapshot.execute(viewer) };
    } catch (error) {
      if (!(error instanceof CoreApiException && error.code === 'token_rejected')) throw error;
      if (viewer.session) await this.sessions.delete(viewer.session.idHash);
      return signedOut;
    }
  }
}
