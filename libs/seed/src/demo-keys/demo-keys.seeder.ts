import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { isDeepStrictEqual } from 'node:util';
import { DataSource, IsNull } from 'typeorm';
import { CreateApiKeyCommand } from '#libs/access/src/api-keys/create-api-key/create-api-key.command.js';
import { ApiKeyRepository } from '#libs/access/src/domain/api-key.js';
import { parseKey, secretMatches } from '#libs/access/src/domain/api-key-secret.js';
import { ApiKeyRow } from '#libs/access/src/persistence/access.entities.js';
import { NotFoundError } from '#libs/core/src/domain/domain-error.js';
import type { DemoKeySpec } from './demo-keys.js';
import { type DemoKeyEntry, readDemoKeys, writeDemoKeys } from './demo-keys-file.js';

/** Who made the demo keys: how the seed finds its own keys again, and how an operator tells them apart. */
export const SEED_CREATOR = 'seed';

export interface DemoKeysReport {
  dir: string;
  created: string[];
  /** Still valid from an earlier run: left as they were. */
  kept: string[];
  /** Not made: what they are scoped to does not exist (e.g. a tenant registered by hand under its name). */
  skipped: string[];
  filesWritten: string[];
}

/**
 * Makes sure every demo key in the keys directory works: a key that is present, live and matches
 * its stored hash is kept; a missing or broken one is made again through the same command as the
 * API's (and any older live demo key of that name is revoked, so no forgotten key stays usable).
 * Only plaintexts the seed just made or read from its own file ever pass through here; none is
 * logged.
 */
@Injectable()
export class DemoKeysSeeder {
  constructor(
    private readonly commands: CommandBus,
    private readonly keys: ApiKeyRepository,
    private readonly dataSource: DataSource,
  ) {}

  async ensure(specs: DemoKeySpec[], dir: string): Promise<DemoKeysReport> {
    const report: DemoKeysReport = { dir, created: [], kept: [], skipped: [], filesWritten: [] };
    const previous = await readDemoKeys(dir);
    const entries: DemoKeyEntry[] = [];
    for (const spec of specs) {
      const old = previous.get(spec.name);
      if (old && (await this.stillValid(old, spec))) {
        entries.push({ ...spec, key: old.key });
        report.kept.push(spec.name);
        continue;
      }
      await this.revokeLiveDemoKeys(spec.name);
      try {
        const issued = await this.commands.execute(new CreateApiKeyCommand(spec.name, spec.role, spec.scope, SEED_CREATOR));
        entries.push({ ...spec, key: issued.plaintext });
        report.created.push(spec.name);
      } catch (error) {
        if (!(error instanceof NotFoundError)) throw error;
        report.skipped.push(spec.name);
      }
    }
    report.filesWritten = await writeDemoKeys(dir, entries);
    return report;
  }

  private async stillValid(entry: DemoKeyEntry, spec: DemoKeySpec): Promise<boolean> {
    const parsed = parseKey(entry.key);
    const stored = parsed && (await this.keys.find(parsed.keyId));
    if (!parsed || !stored) return false;
    const { key } = stored;
    return (
      key.revokedAt === null &&
      secretMatches(parsed.secret, stored.secretHash) &&
      key.name === spec.name &&
      key.role === spec.role &&
      isDeepStrictEqual(key.scope, spec.scope)
    );
  }

  private async revokeLiveDemoKeys(name: string): Promise<void> {
    const live = await this.dataSource.getRepository(ApiKeyRow).findBy({ name, createdBy: SEED_CREATOR, revokedAt: IsNull() });
    for (const row of live) await this.keys.revoke(row.id);
  }
}
