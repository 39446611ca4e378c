import { Controller, Get, NotFoundException, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { PAGE_ASSETS } from './page-assets';

const BY_NAME: Record<string, (typeof PAGE_ASSETS)[keyof typeof PAGE_ASSETS]> = {
  'form.css': PAGE_ASSETS.css,
  'form.js': PAGE_ASSETS.js,
};

/** The pages' stylesheet and script; their URLs carry a digest, so they are cached for a year. */
@Controller('assets')
export class AssetsController {
  @Get(':name')
  asset(@Param('name') name: string, @Res() res: Response): void {
    const asset = Object.hasOwn(BY_NAME, name) ? BY_NAME[name] : undefined;
    if (!asset) throw new NotFoundException();
    res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
    res.type(asset.contentType).send(asset.body);
  }
}
