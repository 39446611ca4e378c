import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { errorMessage } from '@app/platform';
import { DataSource } from 'typeorm';
import type { CaseRouting } from '../cases/case-record';
import { CORE_CONFIG, type CoreConfig } from '../config/core.config';
import type { Region, RoutingCatalogue, Store } from './routing-catalogue';
import { RoutingCatalogueRepository } from './routing-catalogue.repository';
import { StoreResolver, type RoutingInput } from './store-resolver';

/**
 * Regions, stores and managers kept in memory, because every new case is routed and the
 * catalogue changes only when someone imports a file: reloaded every ROUTING_REFRESH_MS, and on
 * demand when a person names a store this instance has not seen yet.
 */
@Injectable()
export class RoutingService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RoutingService.name);
  private catalogue: RoutingCatalogue = { regions: [], stores: [] };
  private resolver = new StoreResolver(this.catalogue);
  private regions = new Map<string, Region>();
  private stores = new Map<string, Store>();
  private timer?: NodeJS.Timeout;

  constructor(
    @Inject(CORE_CONFIG) private readonly config: CoreConfig,
    private readonly dataSource: DataSource,
    private readonly repository: RoutingCatalogueRepository,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.refresh();
    this.timer = setInterval(() => {
      this.refresh().catch((error: unknown) =>
        this.logger.warn({ error: errorMessage(error) }, 'routing catalogue refresh failed'),
      );
    }, this.config.routingRefreshMs);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async refresh(): Promise<void> {
    const catalogue = await this.repository.load(this.dataSource);
    this.catalogue = catalogue;
    this.resolver = new StoreResolver(catalogue);
    this.regions = new Map(catalogue.regions.map((r) => [r.code, r]));
    this.stores = new Map(catalogue.stores.map((s) => [s.code, s]));
  }

  /** Active stores, for the public store list of the web form. */
  activeStores(): readonly Store[] {
    return this.catalogue.stores;
  }

  /** Where a new case goes; a region without a store still reaches the region's manager. */
  route(input: RoutingInput): CaseRouting & { matched?: string; reason?: string } {
    const decision = this.resolver.resolve(input);
    if (decision.kind === 'triage')
      return {
        storeCode: null,
        regionCode: null,
        managerId: null,
        via: 'unresolved',
        reason: decision.reason,
      };
    const storeCode = decision.kind === 'store' ? decision.storeCode : null;
    return {
      storeCode,
      regionCode: decision.regionCode,
      managerId: this.managerOf(decision.regionCode),
      via: decision.via,
      matched: decision.matched,
    };
  }

  /** A store (and its region) or a region by code, fresh from the database if not cached. */
  async lookup(target: {
    storeCode?: string;
    regionCode?: string;
  }): Promise<CaseRouting | undefined> {
    const find = () => {
      if (target.storeCode) {
        const store = this.stores.get(target.storeCode.toUpperCase());
        return (
          store && {
            storeCode: store.code,
            regionCode: store.regionCode,
            managerId: this.managerOf(store.regionCode),
            via: 'manual',
          }
        );
      }
      const region = target.regionCode
        ? this.regions.get(target.regionCode.toUpperCase())
        : undefined;
      return (
        region && {
          storeCode: null,
          regionCode: region.code,
          managerId: this.managerOf(region.code),
          via: 'manual',
        }
      );
    };
    const cached = find();
    if (cached) return cached;
    await this.refresh();
    return find();
  }

  private managerOf(regionCode: string): string | null {
    return this.regions.get(regionCode)?.manager?.id ?? null;
  }
}
