import { DynamicModule, Module } from '@nestjs/common';
import { ApiTokenGuard } from './api-token.guard';
import { ApiTokenRepository } from './api-token.repository';
import { AUTH_OPTIONS, type AuthOptions } from './auth.options';

/**
 * Global, so `@Roles(...)` works on a controller of any module of core without importing this.
 */
@Module({})
export class AuthModule {
  static forRoot(options: AuthOptions): DynamicModule {
    return {
      module: AuthModule,
      global: true,
      providers: [{ provide: AUTH_OPTIONS, useValue: options }, ApiTokenRepository, ApiTokenGuard],
      // AUTH_OPTIONS too: @UseGuards(ApiTokenGuard) builds the guard in each controller's module.
      exports: [AUTH_OPTIONS, ApiTokenRepository, ApiTokenGuard],
    };
  }
}
