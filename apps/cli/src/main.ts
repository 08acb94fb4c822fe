import 'reflect-metadata';
import { ConfigError, loadConfig } from '#libs/core/src/config/app-config.js';
import { DomainError } from '#libs/core/src/domain/domain-error.js';
import { UnmigratedDatabaseError } from '#libs/persistence/src/migration-status.js';
import { runMigrations } from '#libs/persistence/src/run-migrations.js';
import type { DemoKeysOutcome } from '#libs/seed/src/demo-world.seeder.js';
import { describeSeedItems, SeedError } from '#libs/seed/src/seed-demo-world.js';
import { withDemoWorldSeeder } from '#libs/seed/src/with-demo-world-seeder.js';
import { createApiKeyFromCli, UsageError } from './create-api-key.cli.js';

const USAGE = `usage: cli <command>
  migration:run     apply pending database migrations
  seed              load the demo world and its demo API keys (idempotent: adds only what is missing)
  api-key:create    create an API key and print it, once: --name <name> --role <role> [--partner <code>] [--tenant <id>]`;

/** What happened to the demo keys, without a single key in it: this goes to logs. */
function describeDemoKeys(outcome: DemoKeysOutcome): string {
  if (!outcome.made) return `Demo API keys: none (${outcome.reason}).`;
  const parts = [`${outcome.created.length} created`, `${outcome.kept.length} still valid`];
  if (outcome.skipped.length > 0) parts.push(`${outcome.skipped.length} skipped (${outcome.skipped.join(', ')}: scope missing)`);
  return `Demo API keys: ${parts.join(', ')}; in ${outcome.dir}/api-keys.json and one <name>.key file each.`;
}

async function main(command: string | undefined, args: string[]): Promise<void> {
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
      } else {
        console.log(`Created ${report.created.length} item(s):`);
        describeSeedItems(report.created).forEach((line) => console.log(`  ${line}`));
        if (report.present.length > 0) console.log(`Already present: ${report.present.length} item(s).`);
      }
      console.log(describeDemoKeys(report.demoKeys));
      return;
    }
    case 'api-key:create':
      await createApiKeyFromCli(config, args);
      return;
    default:
      console.error(USAGE);
      process.exitCode = 2;
  }
}

try {
  await main(process.argv[2], process.argv.slice(3));
} catch (error) {
  // Our own errors are sentences for people; anything else keeps its stack.
  const forPeople = [ConfigError, UnmigratedDatabaseError, SeedError, DomainError, UsageError].some(
    (type) => error instanceof type,
  );
  console.error(forPeople ? (error as Error).message : error);
  process.exitCode = 1;
}
