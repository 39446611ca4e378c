import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PrivacyException } from '../privacy.exception';
import { PrivacyRepository } from '../privacy.repository';

export interface CustomerExport {
  exportedAt: string;
  customer: {
    id: string;
    displayName: string | null;
    language: string | null;
    createdAt: string;
    erasedAt: string | null;
    mergedCustomerIds: string[];
  };
  identities: Record<string, unknown>[];
  messages: Record<string, unknown>[];
  cases: Record<string, unknown>[];
}

/** The right of access: everything core holds about a customer, in one document. */
@Injectable()
export class ExportCustomerData {
  constructor(
    private readonly dataSource: DataSource,
    private readonly privacy: PrivacyRepository,
  ) {}

  execute(customerId: string): Promise<CustomerExport> {
    return this.dataSource.transaction('REPEATABLE READ', async (em) => {
      const customer = await this.privacy.findCustomer(em, customerId);
      if (!customer) throw new PrivacyException('customer_not_found', 'no such customer');
      return {
        exportedAt: new Date().toISOString(),
        customer: {
          id: customer.id,
          displayName: customer.displayName,
          language: customer.language,
          createdAt: customer.createdAt.toISOString(),
          erasedAt: customer.erasedAt?.toISOString() ?? null,
          mergedCustomerIds: customer.ids.filter((id) => id !== customer.id),
        },
        identities: await this.privacy.identities(em, customer.ids),
        messages: await this.privacy.messages(em, customer.ids),
        cases: await this.privacy.cases(em, customer.ids),
      };
    });
  }
}
