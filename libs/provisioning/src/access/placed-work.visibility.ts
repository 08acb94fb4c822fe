import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Caller } from '#libs/access/src/domain/caller.js';
import { CatalogueObjectVisibility } from '#libs/catalogue/src/access/catalogue-object.visibility.js';
import { andWhere } from '#libs/catalogue/src/access/sql-condition.js';
import { DeploymentRow, ProvisioningRequestRow } from '../persistence/provisioning.entities.js';
import { isUuid } from '../requests/request-id.js';
import { placedWorkScope } from './provisioning-scope.js';

// Visible when the row exists and passes the caller's scope (placedWorkScope), the condition the
// lists apply. Another scope's object gets the not-found words of a missing one.

@Injectable()
export class ProvisioningRequestVisibility extends CatalogueObjectVisibility {
  protected readonly resource = 'provisioning request';
  protected readonly param = 'id';

  constructor(private readonly dataSource: DataSource) {
    super();
  }

  protected isWellFormed(id: string): boolean {
    return isUuid(id);
  }

  protected isVisible(caller: Caller, id: string): Promise<boolean> {
    const query = this.dataSource.getRepository(ProvisioningRequestRow).createQueryBuilder('r').where('r.id = :id', { id });
    return andWhere(query, placedWorkScope(caller, 'r')).getExists();
  }
}

@Injectable()
export class DeploymentVisibility extends CatalogueObjectVisibility {
  protected readonly resource = 'deployment';
  protected readonly param = 'id';

  constructor(private readonly dataSource: DataSource) {
    super();
  }

  protected isWellFormed(id: string): boolean {
    return isUuid(id);
  }

  protected isVisible(caller: Caller, id: string): Promise<boolean> {
    const query = this.dataSource.getRepository(DeploymentRow).createQueryBuilder('d').where('d.id = :id', { id });
    return andWhere(query, placedWorkScope(caller, 'd')).getExists();
  }
}
