import { Inject, Injectable } from '@nestjs/common';
import type { InboundMessageV1 } from '@app/contracts';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { CORE_CONFIG, type CoreConfig } from '../config/core.config';
import { displayNameOf, identitiesOf, identityKey, type Identity } from './customer-identity';
import { CustomerRepository, type NewCustomer } from './customer.repository';
import { UnionFind } from './union-find';

export interface ResolvedCustomers {
  /** messageId -> customerId. */
  customerOf: Map<string, string>;
  /** Customers created by this resolution: they have no history to look up. */
  created: Set<string>;
}

interface Component {
  identities: Map<string, Identity>;
  customerId?: string;
  /** Created by this resolution: nothing refers to it yet. */
  isNew?: boolean;
}

/**
 * Finds the customer behind each message of a batch, creating and linking as it goes. Identities
 * seen together belong to one person: within a message, across the batch's messages, and with
 * what the database already knows; when that joins two known customers, they are merged.
 *
 * It runs in its own short transaction, before the batch's: an identity row inserted by one batch
 * would otherwise stay locked until that whole batch commits, and every other partition seeing
 * the same new customer would wait for it. If the batch then fails, the customer simply exists
 * already when it is retried.
 */
@Injectable()
export class CustomerResolver {
  constructor(
    @Inject(CORE_CONFIG) private readonly config: CoreConfig,
    private readonly customers: CustomerRepository,
    private readonly dataSource: DataSource,
  ) {}

  resolve(messages: readonly InboundMessageV1[]): Promise<ResolvedCustomers> {
    return this.dataSource.transaction((em) => this.resolveIn(em, messages));
  }

  private async resolveIn(
    em: EntityManager,
    messages: readonly InboundMessageV1[],
  ): Promise<ResolvedCustomers> {
    const groups = new UnionFind();
    const identitiesOfMessage = messages.map((m) =>
      identitiesOf(m.sender, this.config.phoneDefaultRegion),
    );
    for (const identities of identitiesOfMessage) {
      const keys = identities.map(identityKey);
      keys.forEach((k) => groups.union(keys[0], k));
    }
    const components = new Map<string, Component>();
    for (const identity of identitiesOfMessage.flat()) {
      const root = groups.find(identityKey(identity));
      const component = components.get(root) ?? { identities: new Map<string, Identity>() };
      component.identities.set(identityKey(identity), identity);
      components.set(root, component);
    }

    const allIdentities = [...components.values()].flatMap((c) => [...c.identities.values()]);
    const owners = await this.customers.owners(em, allIdentities);
    const created: NewCustomer[] = [];
    // The first message of each group names a new customer.
    const firstMessage = new Map<string, InboundMessageV1>();
    identitiesOfMessage.forEach((ids, i) => {
      const root = groups.find(identityKey(ids[0]));
      if (!firstMessage.has(root)) firstMessage.set(root, messages[i]);
    });
    for (const [root, component] of components) {
      const known = new Set(
        [...component.identities.keys()].flatMap((k) => (owners.has(k) ? [owners.get(k)!] : [])),
      );
      if (known.size === 0) {
        const first = firstMessage.get(root)!;
        component.customerId = randomUUID();
        component.isNew = true;
        created.push({
          id: component.customerId,
          displayName: displayNameOf(first.sender),
          language: first.language ?? null,
        });
      } else {
        component.customerId = await this.unite(em, [...known]);
      }
    }
    await this.customers.insertCustomers(em, created);

    const links = [...components.values()].flatMap((c) =>
      [...c.identities.values()]
        .filter((i) => !owners.has(identityKey(i)))
        .map((i) => ({ ...i, customerId: c.customerId! })),
    );
    const takenMeanwhile = await this.customers.link(em, links);
    if (takenMeanwhile.size > 0) await this.reconcile(em, components, takenMeanwhile);

    const customerOf = new Map<string, string>();
    messages.forEach((m, i) => {
      customerOf.set(
        m.messageId,
        components.get(groups.find(identityKey(identitiesOfMessage[i][0])))!.customerId!,
      );
    });
    const createdNow = new Set(
      [...components.values()].filter((c) => c.isNew).map((c) => c.customerId!),
    );
    return { customerOf, created: createdNow };
  }

  private async unite(em: EntityManager, customerIds: string[]): Promise<string> {
    if (customerIds.length === 1) return customerIds[0];
    const survivor = await this.customers.oldest(em, customerIds);
    await this.customers.merge(
      em,
      survivor,
      customerIds.filter((id) => id !== survivor),
    );
    return survivor;
  }

  /** Another instance linked some of our identities to its own customer at the same moment. */
  private async reconcile(
    em: EntityManager,
    components: Map<string, Component>,
    taken: Set<string>,
  ): Promise<void> {
    for (const component of components.values()) {
      const contested = [...component.identities.values()].filter((i) => taken.has(identityKey(i)));
      if (contested.length === 0) continue;
      const others = [...new Set((await this.customers.owners(em, contested)).values())].filter(
        (id) => id !== component.customerId,
      );
      if (others.length === 0) continue;
      const winner = await this.unite(em, others);
      if (component.isNew) {
        await this.customers.abandon(em, component.customerId!, winner);
        component.customerId = winner;
      } else {
        component.customerId = await this.unite(em, [component.customerId!, winner]);
      }
    }
  }
}
