import { CanActivate, ExecutionContext, Inject, Injectable, Logger } from '@nestjs/common';
import { ChannelHealthReporter } from '@app/adapter-kit';
import { GatewayMetrics } from '@app/metrics';
import type { RawBodyRequest } from '@app/platform';
import { CALL_CENTER_CONFIG, type CallCenterConfig } from '../../config/call-center.config';
import { CallCenterException } from '../call-center.exception';
import { WebhookSignatureVerifier } from './webhook-signature';

function header(req: RawBodyRequest, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

/**
 * Lets a request through only when its signature over the exact bytes received is right and
 * fresh. Runs before the body is parsed: an unauthenticated sender learns nothing about what we
 * accept. Logs why a request was refused, never the body.
 */
@Injectable()
export class WebhookSignatureGuard implements CanActivate {
  private readonly logger = new Logger(WebhookSignatureGuard.name);

  constructor(
    @Inject(CALL_CENTER_CONFIG) private readonly config: CallCenterConfig,
    private readonly verifier: WebhookSignatureVerifier,
    private readonly metrics: GatewayMetrics,
    private readonly health: ChannelHealthReporter,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<RawBodyRequest>();
    const rawBody = req.rawBody ?? Buffer.alloc(0);
    const verdict = this.verifier.verify(
      { timestamp: header(req, 'x-timestamp'), signature: header(req, 'x-signature') },
      rawBody,
    );
    if (verdict.ok) {
      if (verdict.secret === 'previous')
        this.logger.log('request signed with the previous secret: the sender has not rotated yet');
      return true;
    }
    this.logger.warn(
      { code: verdict.code, reason: verdict.reason, remoteAddress: req.ip, bytes: rawBody.length },
      'call-centre request refused: authentication failed',
    );
    this.metrics.messagesRejected.inc({ channel: 'call-center', reason: verdict.code });
    this.health.failed(this.config.account, { code: verdict.code, message: verdict.reason });
    throw new CallCenterException(verdict.code, verdict.reason);
  }
}
