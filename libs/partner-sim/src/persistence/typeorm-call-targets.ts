import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { preparedQuery } from '#libs/persistence/src/prepared-query.js';
import { CallTargets, type CallTarget } from '../domain/partner-sim.ports.js';
import { PARTNER_SIM_DATA_SOURCE } from './partner-sim-data-source.js';
import type { ResourceRow } from './partner-sim.entities.js';
import { callTargetMapper } from './partner-sim.mappers.js';

type TargetRow = Pick<ResourceRow, 'type' | 'labels'> & { action: string | null };

/** One read by primary key each, asked only for the calls of a seeded partner (PartnerGate). */
@Injectable()
export class TypeOrmCallTargets extends CallTargets {
  constructor(@InjectDataSource(PARTNER_SIM_DATA_SOURCE) private readonly dataSource: DataSource) {
    super();
  }

  resource(partner: string, id: string): Promise<CallTarget | null> {
    return this.first(`SELECT type, labels, NULL::text AS action FROM partner_sim.resources WHERE id = $1 AND partner = $2`, [id, partner]);
  }

  operation(partner: string, id: string): Promise<CallTarget | null> {
    return this.first(
      `SELECT r.type, r.labels, o.action FROM partner_sim.operations o JOIN partner_sim.resources r ON r.id = o.resource_id
       WHERE o.id = $1 AND o.partner = $2`,
      [id, partner],
    );
  }

  private async first(text: string, values: unknown[]): Promise<CallTarget | null> {
    const [row] = (await preparedQuery<TargetRow>(this.dataSource.manager, text, values)).rows;
    return row ? callTargetMapper.toDomain(row) : null;
  }
}
