import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CurrentPrincipal, Roles, type Principal } from '../auth';
import { PrivacyException } from './privacy.exception';
import { EraseCustomerData, type ErasureResponse } from './usecases/erase-customer-data.usecase';
import { ExportCustomerData, type CustomerExport } from './usecases/export-customer-data.usecase';

const customerId = new ParseUUIDPipe({
  exceptionFactory: () => new PrivacyException('customer_not_found', 'no such customer'),
});

/** KVKK/GDPR rights of a customer, exercised by an admin on their request. */
@Controller('api/v1/customers')
@Roles('admin')
export class PrivacyController {
  constructor(
    private readonly exportData: ExportCustomerData,
    private readonly eraseData: EraseCustomerData,
  ) {}

  @Get(':id/export')
  export(@Param('id', customerId) id: string): Promise<CustomerExport> {
    return this.exportData.execute(id);
  }

  @Post(':id/erase')
  @HttpCode(200)
  erase(
    @Param('id', customerId) id: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ErasureResponse> {
    return this.eraseData.execute(id, principal.name);
  }
}
