import 'reflect-metadata';
import { ConfigError, loadConfig } from '#libs/core/src/config/app-config.js';
import { DomainError } from '#libs/core/src/domain/domain-error.js';
import { UnmigratedDatabaseError } from '#libs/persistence/src/migration-status.js';
import { runMigrations } from '#libs/persistence/src/run-migrations.js';
import { describeSeedItems, SeedError } from '#libs/seed/src/seed-demo-world.js';
import { withDemoWorldSeeder } from '#libs/seed/src/with-demo-world-seeder.js';

const USAGE = `usage: cli <command>
  migration:run   apply pending database migrations
  seed            load the demo world (idempotent: adds only what is missing)`;

async function main(command: string | undefined): Promise<void> {
  const config = loadConfig(process.env);
  switch (command) {
    case 'migration:run': {
      const applied = await runMigrations(config.databaseUrl);
      console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Database is up to date.');
      return;
    }
    case 'seed': {
      const report = await withDemoWorldSeeder(config, (seeder) => seeder.seed());
      if (report.created.length === 0) {
        console.log(`Nothing missing: all ${report.present.length} items of the demo world are present.`);
        return;
      }
      console.log(`Created ${report.created.length} item(s):`);
      describeSeedItems(report.created).forEach((line) => console.log(`  ${line}`));
      if (report.present.length > 0) console.log(`Already present: ${report.present.length} item(s).`);
      return;
    }
    default:
      console.error(USAGE);
      process.exitCode = 2;
  }
}

try {
  await main(process.argv[2]);
} catch (error) {
  // Our own errors are sentences for people; anything else keeps its stack.
  const forPeople = [ConfigError, UnmigratedDatabaseError, SeedError, DomainError].some((type) => error instanceof type);
  console.error(forPeople ? (error as Error).message : error);
  process.exitCode = 1;
}
