import { Command } from '@nestjs/cqrs';
import type { Role, Scope } from '../../domain/caller.js';

export interface IssuedApiKey {
  id: string;
  /** The whole key, `hcp_<id>_<secret>`: shown to the caller once and stored nowhere. */
  plaintext: string;
}

export class CreateApiKeyCommand extends Command<IssuedApiKey> {
  constructor(
    readonly name: string,
    readonly role: Role,
    readonly scope: Scope,
    /** The key id of whoever asked, or `cli` / `seed` for keys made outside the API. */
    readonly createdBy: string,
  ) {
    super();
  }
}
