import { type DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TerminusModule } from '@nestjs/terminus';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from '#libs/core/src/config/app-config.js';
import { ConfigModule } from '#libs/core/src/config/config.module.js';
import { adminHandlers, adminHttpControllers } from './admin/admin.use-cases.js';
import { CallTargets, FaultRepository, OperationLedger, ProfileRepository, RandomSource } from './domain/partner-sim.ports.js';
import { PartnerSimHealthController } from './health/partner-sim-health.controller.js';
import { operationHandlers, operationHttpControllers } from './operations/operations.use-cases.js';
import { PARTNER_SIM_DATA_SOURCE } from './persistence/partner-sim-data-source.js';
import { PartnerSimDatabaseModule } from './persistence/partner-sim-database.module.js';
import { partnerSimEntities } from './persistence/partner-sim.entities.js';
import { TypeOrmCallTargets } from './persistence/typeorm-call-targets.js';
import { TypeOrmFaultRepository } from './persistence/typeorm-fault.repository.js';
import { TypeOrmOperationLedger } from './persistence/typeorm-operation-ledger.js';
import { TypeOrmProfileRepository } from './persistence/typeorm-profile.repository.js';
import { CryptoRandomSource } from './random/crypto-random-source.js';
import { resourceHandlers, resourceHttpControllers } from './resources/resources.use-cases.js';
import { CallOrdinals } from './simulation/call-ordinals.js';
import { OperationStarter } from './simulation/operation-starter.js';
import { PartnerGate } from './simulation/partner-gate.js';

/**
 * The simulated partner backends: the partners' API (/partners/{partner}/…), the admin API that
 * sets their behaviour (/admin/partners/{partner}/…) and health checks, on the simulator's own
 * data source and schema. Apps wire it with forRoot and nothing else.
 */
@Module({})
export class PartnerSimModule {
  static forRoot(config?: AppConfig): DynamicModule {
    return {
      module: PartnerSimModule,
      imports: [
        ConfigModule.forRoot(config),
        PartnerSimDatabaseModule,
        TypeOrmModule.forFeature(partnerSimEntities, PARTNER_SIM_DATA_SOURCE),
        CqrsModule.forRoot(),
        TerminusModule,
      ],
      controllers: [PartnerSimHealthController, ...resourceHttpControllers, ...operationHttpControllers, ...adminHttpControllers],
      providers: [
        ...resourceHandlers,
        ...operationHandlers,
        ...adminHandlers,
        PartnerGate,
        CallOrdinals,
        OperationStarter,
        { provide: OperationLedger, useClass: TypeOrmOperationLedger },
        { provide: ProfileRepository, useClass: TypeOrmProfileRepository },
        { provide: FaultRepository, useClass: TypeOrmFaultRepository },
        { provide: CallTargets, useClass: TypeOrmCallTargets },
        { provide: RandomSource, useClass: CryptoRandomSource },
      ],
    };
  }
}
