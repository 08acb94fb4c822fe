import { type DynamicModule, Module } from '@nestjs/common';
import { CommandBus, CqrsModule } from '@nestjs/cqrs';
import { NestFactory } from '@nestjs/core';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { parseArgs } from 'node:util';
import { ApiKeysModule } from '#libs/access/src/api-keys/api-keys.module.js';
import { CreateApiKeyCommand, type IssuedApiKey } from '#libs/access/src/api-keys/create-api-key/create-api-key.command.js';
import { CreateApiKeyRequest, scopeOfRequest } from '#libs/access/src/api-keys/create-api-key/create-api-key.request.js';
import { type Scope } from '#libs/access/src/domain/caller.js';
import { type AppConfig, enabledLogLevels } from '#libs/core/src/config/app-config.js';
import { ConfigModule } from '#libs/core/src/config/config.module.js';
import { DatabaseModule } from '#libs/persistence/src/database.module.js';

export const CREATE_API_KEY_USAGE = `usage: cli api-key:create --name <name> --role <role> [--partner <code>] [--tenant <id>]
  role: platform-operator | partner-operator (with --partner) | tenant (with --tenant)`;

/** The command line was wrong: said to the person, with the usage. */
export class UsageError extends Error {}

@Module({})
class CreateApiKeyCliModule {
  static forRoot(config: AppConfig): DynamicModule {
    return { module: CreateApiKeyCliModule, imports: [ConfigModule.forRoot(config), DatabaseModule, CqrsModule.forRoot(), ApiKeysModule] };
  }
}

/** The same checks as `POST /v1/api-keys`, so the CLI cannot make a key the API would refuse. */
async function parseRequest(args: string[]): Promise<CreateApiKeyRequest> {
  let values: Record<string, string | undefined>;
  try {
    ({ values } = parseArgs({
      args,
      options: { name: { type: 'string' }, role: { type: 'string' }, partner: { type: 'string' }, tenant: { type: 'string' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${CREATE_API_KEY_USAGE}`);
  }
  const request = plainToInstance(CreateApiKeyRequest, Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)));
  const errors = await validate(request, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0) {
    const messages = errors.map((error) =>
      error.value === undefined
        ? `--${error.property} is required${error.property === 'partner' || error.property === 'tenant' ? ` for role ${request.role}` : ''}`
        : Object.values(error.constraints ?? {}).join('; '),
    );
    throw new UsageError(`${messages.join('; ')}\n${CREATE_API_KEY_USAGE}`);
  }
  return request;
}

const describeScope = (scope: Scope): string =>
  scope.kind === 'platform' ? 'the whole platform' : scope.kind === 'partner' ? `partner ${scope.partnerCode}` : `tenant ${scope.tenantId}`;

/**
 * Creates a key and prints it once. The key alone goes to stdout, so `$(npm run -s api-key:create …)`
 * captures it; what it is goes to stderr. It is never written anywhere else.
 */
export async function createApiKeyFromCli(config: AppConfig, args: string[]): Promise<void> {
  const request = await parseRequest(args);
  const scope = scopeOfRequest(request);
  const context = await NestFactory.createApplicationContext(CreateApiKeyCliModule.forRoot(config), {
    logger: enabledLogLevels(config).filter((level) => level !== 'log'),
    abortOnError: false,
  });
  let issued: IssuedApiKey;
  try {
    issued = await context.get(CommandBus).execute(new CreateApiKeyCommand(request.name, request.role, scope, 'cli'));
  } finally {
    await context.close();
  }
  console.error(
    `Created API key '${request.name}' (id ${issued.id}): role ${request.role}, scope ${describeScope(scope)}.\n` +
      'This is the only time it is shown: store it now (only its hash is kept). Send it as "Authorization: Bearer <key>".',
  );
  console.log(issued.plaintext);
}
