import { Body, Controller, Post, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Access, PLATFORM_ONLY } from '#libs/access/src/authorization/access.decorator.js';
import { GetJurisdictionQuery } from '../get-jurisdiction/get-jurisdiction.query.js';
import { JurisdictionResponse } from '../jurisdiction.response.js';
import { RegisterJurisdictionCommand } from './register-jurisdiction.command.js';
import { RegisterJurisdictionRequest } from './register-jurisdiction.request.js';

@ApiTags('jurisdictions')
@Controller('v1/jurisdictions')
export class RegisterJurisdictionHttpController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @Access({ roles: PLATFORM_ONLY })
  @ApiCreatedResponse({ type: JurisdictionResponse })
  async register(
    @Body() body: RegisterJurisdictionRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<JurisdictionResponse> {
    await this.commands.execute(
      new RegisterJurisdictionCommand({
        country: body.country,
        name: body.name,
        regionCode: body.regionCode,
        providerMayOwnDataCentres: body.providerMayOwnDataCentres,
        ownershipRationale: body.ownershipRationale,
        defaultResidency: body.defaultResidency,
      }),
    );
    res.location(`/v1/jurisdictions/${body.country}`);
    return this.queries.execute(new GetJurisdictionQuery(body.country));
  }
}
