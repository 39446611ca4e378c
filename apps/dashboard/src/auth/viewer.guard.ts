import { CanActivate, createParamDecorator, ExecutionContext, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { AuthException } from './auth.exception';
import { ResolveViewer } from './usecases/resolve-viewer.usecase';
import type { Viewer } from './viewer';

type ViewerRequest = Request & { viewer?: Viewer };

/** Every ops endpoint: a session of someone signed in, or a bearer token core accepts (else 401). */
@Injectable()
export class ViewerGuard implements CanActivate {
  constructor(private readonly resolveViewer: ResolveViewer) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<ViewerRequest>();
    const viewer = await this.resolveViewer.execute(req);
    if (!viewer) throw new AuthException('unauthorized', 'no session and no bearer token');
    req.viewer = viewer;
    return true;
  }
}

/** The viewer ViewerGuard found. */
export const CurrentViewer = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Viewer =>
    context.switchToHttp().getRequest<ViewerRequest>().viewer!,
);
