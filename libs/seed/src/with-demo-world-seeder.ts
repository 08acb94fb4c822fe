import { NestFactory } from '@nestjs/core';
import { type AppConfig, enabledLogLevels } from '#libs/core/src/config/app-config.js';
import { DemoWorldSeeder } from './demo-world.seeder.js';
import { SeedModule } from './seed.module.js';

/** Runs `work` with a seeder in a short-lived application context, closed (pool and all) afterwards. */
export async function withDemoWorldSeeder<T>(config: AppConfig, work: (seeder: DemoWorldSeeder) => Promise<T>): Promise<T> {
  const context = await NestFactory.createApplicationContext(SeedModule.forRoot(config), {
    // A short-lived context's start-up lines are noise; warnings and errors still show.
    logger: enabledLogLevels(config).filter((level) => level !== 'log'),
    abortOnError: false,
  });
  try {
    return await work(context.get(DemoWorldSeeder));
  } finally {
    await context.close();
  }
}
