import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { errorMessage } from '@app/platform';
import { z } from 'zod';
import { WEB_FORM_CONFIG, type WebFormConfig } from '../config/web-form.config';

const PublicStoreSchema = z.object({
  code: z.string().min(1).max(50),
  name: z.string().min(1).max(200),
  city: z.string().max(100),
  district: z.string().max(100),
});
export type PublicStore = z.infer<typeof PublicStoreSchema>;

export interface StoreChoice extends PublicStore {
  /** What the customer sees and picks in the list, and what the form sends back. */
  label: string;
}

export interface StoreList {
  /** False when core could not be asked and nothing was known yet: the field is then free text. */
  available: boolean;
  stores: readonly StoreChoice[];
}

const TIMEOUT_MS = 2_000;
const RETRY_AFTER_FAILURE_MS = 10_000;

export function storeLabel(store: PublicStore): string {
  const place = [store.district, store.city].filter(Boolean).join(', ');
  return place ? `${store.name} (${place})` : store.name;
}

/** Turkish-aware folding: "İSTANBUL" and "istanbul", "KADIKÖY" and "Kadıköy" are the same. */
export function foldStoreText(text: string): string {
  return text.normalize('NFC').toLocaleLowerCase('tr').replace(/\s+/g, ' ').trim();
}

/**
 * The stores a customer can pick, from core's public `GET /api/v1/stores` (never core's
 * tables), cached for WEB_FORM_STORE_CACHE_MS. When core cannot be reached the last list known
 * is used; with none, the page shows a free text field and keeps working.
 */
@Injectable()
export class StoreCatalogue implements OnApplicationBootstrap {
  private readonly logger = new Logger(StoreCatalogue.name);
  private known?: { stores: StoreChoice[]; byText: Map<string, StoreChoice> };
  private freshUntil = 0;
  private inFlight?: Promise<void>;

  constructor(@Inject(WEB_FORM_CONFIG) private readonly config: WebFormConfig) {}

  onApplicationBootstrap(): void {
    void this.refresh();
  }

  async list(): Promise<StoreList> {
    if (Date.now() >= this.freshUntil) {
      // A stale list is served at once while it is refreshed; without one, wait for core.
      const refreshing = this.refresh();
      if (!this.known) await refreshing;
    }
    return this.known
      ? { available: true, stores: this.known.stores }
      : { available: false, stores: [] };
  }

  /** The store a customer's text names: its label as listed, its code, or its exact name. */
  async find(text: string): Promise<StoreChoice | undefined> {
    await this.list();
    return this.known?.byText.get(foldStoreText(text));
  }

  private refresh(): Promise<void> {
    this.inFlight ??= this.load().finally(() => (this.inFlight = undefined));
    return this.inFlight;
  }

  private async load(): Promise<void> {
    try {
      const response = await fetch(`${this.config.coreUrl}/api/v1/stores`, {
        headers: { accept: 'application/json' },
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      if (!response.ok) throw new Error(`core answered ${response.status}`);
      const stores = z.array(PublicStoreSchema).parse(await response.json());
      this.known = index(stores);
      this.freshUntil = Date.now() + this.config.storeCacheMs;
    } catch (error) {
      this.freshUntil = Date.now() + Math.min(RETRY_AFTER_FAILURE_MS, this.config.storeCacheMs);
      this.logger.warn(
        { error: errorMessage(error), stale: this.known !== undefined },
        'store list unavailable from core',
      );
    }
  }
}

function index(stores: PublicStore[]): { stores: StoreChoice[]; byText: Map<string, StoreChoice> } {
  const choices = stores.map((s) => ({ ...s, label: storeLabel(s) }));
  const byText = new Map<string, StoreChoice>();
  const names = new Map<string, number>();
  for (const c of choices)
    names.set(foldStoreText(c.name), (names.get(foldStoreText(c.name)) ?? 0) + 1);
  for (const c of choices) {
    byText.set(foldStoreText(c.label), c);
    byText.set(foldStoreText(c.code), c);
    // A bare name only when no other store shares it ("Merkez" may be in every city).
    if (names.get(foldStoreText(c.name)) === 1) byText.set(foldStoreText(c.name), c);
  }
  return { stores: choices, byText };
}
