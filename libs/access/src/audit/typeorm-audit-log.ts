import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { AuditEventRow } from '../persistence/access.entities.js';
import { type AuditEvent, AuditLog } from './audit-event.js';

@Injectable()
export class TypeOrmAuditLog extends AuditLog {
  constructor(@InjectRepository(AuditEventRow) private readonly rows: Repository<AuditEventRow>) {
    super();
  }

  async record(event: AuditEvent): Promise<void> {
    await this.rows.insert(event);
  }
}
