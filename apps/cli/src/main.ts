import 'reflect-metadata';
import { ConfigError, loadConfig } from '#libs/core/src/config/app-config.js';
import { runMigrations } from '#libs/persistence/src/run-migrations.js';

const USAGE = `usage: cli <command>
  migration:run   apply pending database migrations`;

async function main(command: string | undefined): Promise<void> {
  const config = loadConfig(process.env);
  switch (command) {
    case 'migration:run': {
      const applied = await runMigrations(config.databaseUrl);
      console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Database is up to date.');
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
  console.error(error instanceof ConfigError ? error.message : error);
  process.exitCode = 1;
}
