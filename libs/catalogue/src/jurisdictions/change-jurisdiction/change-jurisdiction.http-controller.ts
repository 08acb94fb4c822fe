import { Body, Controller, Param, Patch } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { RequestValidationException } from '#libs/core/src/http/validation.js';
import { Access, PLATFORM_ONLY } from '#libs/access/src/authorization/access.decorator.js';
import { JurisdictionVisibility } from '../../access/reference-data.visibility.js';
import { GetJurisdictionQuery } from '../get-jurisdiction/get-jurisdiction.query.js';
import { JurisdictionResponse } from '../jurisdiction.response.js';
import { ChangeJurisdictionCommand, type JurisdictionChanges } from './change-jurisdiction.command.js';
import { ChangeJurisdictionRequest } from './change-jurisdiction.request.js';

@ApiTags('jurisdictions')
@Controller('v1/jurisdictions')
export class ChangeJurisdictionHttpController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Patch(':country')
  @Access({ roles: PLATFORM_ONLY, object: JurisdictionVisibility })
  @ApiOkResponse({ type: JurisdictionResponse })
  async change(@Param('country') country: string, @Body() body: ChangeJurisdictionRequest): Promise<JurisdictionResponse> {
    const changes = definedChanges(body);
    if (Object.keys(changes).length === 0) {
      throw new RequestValidationException([
        {
          field: '(body)',
          message: 'name at least one field to change: name, providerMayOwnDataCentres, ownershipRationale or defaultResidency',
        },
      ]);
    }
    await this.commands.execute(new ChangeJurisdictionCommand(country, changes));
    return this.queries.execute(new GetJurisdictionQuery(country));
  }
}

/** Only the fields the caller sent: an absent field must not overwrite a stored value. */
function definedChanges(body: ChangeJurisdictionRequest): JurisdictionChanges {
  const changes: JurisdictionChanges = {};
  if (body.name !== undefined) changes.name = body.name;
  if (body.providerMayOwnDataCentres !== undefined) changes.providerMayOwnDataCentres = body.providerMayOwnDataCentres;
  if (body.ownershipRationale !== undefined) changes.ownershipRationale = body.ownershipRationale;
  if (body.defaultResidency !== undefined) changes.defaultResidency = body.defaultResidency;
  return changes;
}
