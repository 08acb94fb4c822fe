import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { PartnerClientModule } from '#libs/partner-client/src/partner-client.module.js';
import { AdvanceRequest } from './executor/advance-request.js';
import { ItemWork } from './executor/item-work.js';
import { ProvisioningSaga } from './executor/provisioning-saga.js';
import { RequestStore } from './executor/request-store.js';
import { UndoSaga } from './executor/undo-saga.js';
import { AdvanceRequestJobHandler } from './jobs/advance-request.job.js';
import { JobDispatcher } from './jobs/job-dispatcher.js';
import { JobQueues } from './jobs/job-queues.js';
import { QueueWorkers } from './jobs/queue-workers.js';
import { ExpireReservations } from './maintenance/expire-reservations.js';
import { ExpireReservationsJobHandler } from './maintenance/expire-reservations.job.js';
import { MaintenanceSchedule } from './maintenance/maintenance-schedule.js';
import { OutboxRelay } from './relay/outbox-relay.js';

/**
 * Everything a worker process runs for provisioning: the queues of the job registry, one BullMQ
 * worker per queue dispatching to the job handlers, the outbox relay, and the executor behind the
 * handlers. Needs the global ConfigModule and a TypeORM DataSource (DatabaseModule). BullMQ is
 * used directly rather than through @nestjs/bullmq: its worker options (concurrency, lock) come
 * from the configuration, and nothing connects to Redis before the application is up.
 */
@Module({
  imports: [
    DiscoveryModule,
    PartnerClientModule,
  ],
  providers: [
    JobDispatcher,
    JobQueues,
    QueueWorkers,
    OutboxRelay,
    RequestStore,
    ItemWork,
    ProvisioningSaga,
    UndoSaga,
    AdvanceRequest,
    AdvanceRequestJobHandler,
    ExpireReservations,
    ExpireReservationsJobHandler,
    MaintenanceSchedule,
  ],
  exports: [OutboxRelay],
})
export class ExecutionModule {}
