import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { Fault, NewFault } from '../domain/fault.js';
import { FaultRepository } from '../domain/partner-sim.ports.js';
import { PARTNER_SIM_DATA_SOURCE } from './partner-sim-data-source.js';
import { FaultRow } from './partner-sim.entities.js';
import { faultMapper } from './partner-sim.mappers.js';

@Injectable()
export class TypeOrmFaultRepository extends FaultRepository {
  constructor(@InjectRepository(FaultRow, PARTNER_SIM_DATA_SOURCE) private readonly rows: Repository<FaultRow>) {
    super();
  }

  async add(fault: NewFault): Promise<Fault> {
    const result = await this.rows.insert(faultMapper.toPersistence(fault));
    const id = String((result.identifiers[0] as { id: string | number }).id);
    return faultMapper.toDomain(await this.rows.findOneByOrFail({ id }));
  }

  async listPending(partner: string): Promise<Fault[]> {
    const rows = await this.rows
      .createQueryBuilder('fault')
      .where('fault.partner = :partner AND fault.remaining > 0', { partner })
      .orderBy('fault.id')
      .getMany();
    return rows.map(faultMapper.toDomain);
  }

  async clear(partner: string): Promise<number> {
    const result = await this.rows.delete({ partner });
    return result.affected ?? 0;
  }
}
