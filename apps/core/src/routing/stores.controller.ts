import { Controller, Get, Header } from '@nestjs/common';
import { RoutingService } from './routing.service';

/** What a customer may see of a store: enough to pick it in a form, nothing about its people. */
export interface PublicStore {
  code: string;
  name: string;
  city: string;
  district: string;
}

/**
 * `GET /api/v1/stores`: the active stores, public (the web form's store picker reads it through
 * core's API rather than core's tables). Managers and contacts never leave through it.
 */
@Controller('api/v1/stores')
export class StoresController {
  constructor(private readonly routing: RoutingService) {}

  @Get()
  @Header('Cache-Control', 'public, max-age=60')
  list(): PublicStore[] {
    return this.routing
      .activeStores()
      .map(({ code, name, city, district }) => ({ code, name, city, district }))
      .sort((a, b) => a.city.localeCompare(b.city, 'tr') || a.name.localeCompare(b.name, 'tr'));
  }
}
