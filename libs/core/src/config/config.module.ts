import { type DynamicModule, Global, Module } from '@nestjs/common';
import { AppConfig, loadConfig } from './app-config.js';

@Global()
@Module({})
export class ConfigModule {
  /** Pass a config to override the environment (tests build one per database). */
  static forRoot(config: AppConfig = loadConfig(process.env)): DynamicModule {
    return { module: ConfigModule, providers: [{ provide: AppConfig, useValue: config }], exports: [AppConfig] };
  }
}
