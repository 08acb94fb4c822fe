import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  ValidateNested,
  type ValidationArguments,
} from 'class-validator';
import { CODE_PATTERN, COUNTRY_CODE_PATTERN } from '#libs/catalogue/src/domain/vocabulary.js';
import { IsAbsentOrValid } from '#libs/core/src/http/validation.js';
import type { IaasSpec } from '../../domain/iaas-spec.js';
import { IsIpv4Address, IsIpv4Cidr, NETWORK_PREFIX } from '../network/ipv4.validators.js';

export const MAX_VM_GROUPS = 20;
export const MAX_VMS_PER_GROUP = 50;
export const MAX_STORAGE_GIB = 100_000;
/** The services a request may ask for today; DRaaS and DaaS come later. */
export const SUBMITTABLE_SERVICES = ['iaas'] as const;

const VM_GROUP_FIELDS = ['size', 'image', 'count'];

/**
 * Each VM group is an object of exactly size, image and count. Said of the list itself, so a
 * malformed item is named at `spec.vms` as well as at the item's own fields.
 */
const EachVmGroupShaped = (): PropertyDecorator =>
  ValidateBy({
    name: 'eachVmGroupShaped',
    validator: {
      validate: (value: unknown) =>
        Array.isArray(value) &&
        value.every(
          (item) =>
            typeof item === 'object' &&
            item !== null &&
            !Array.isArray(item) &&
            Object.keys(item).every((key) => VM_GROUP_FIELDS.includes(key)) &&
            VM_GROUP_FIELDS.every((key) => (item as Record<string, unknown>)[key] !== undefined),
        ),
      defaultMessage: (args?: ValidationArguments) => `each of ${args?.property} must be an object with size, image and count only`,
    },
  });

export class VmGroupRequest {
  @ApiProperty({ type: String, maxLength: 40, pattern: CODE_PATTERN.source, example: 'm1.small', description: 'A size code from the catalogue.' })
  @IsString()
  @MaxLength(40)
  @Matches(CODE_PATTERN, { message: 'size must be a size code such as m1.small' })
  size: string;

  @ApiProperty({ type: String, format: 'uuid', maxLength: 36, description: 'An image id from the catalogue.' })
  @IsString()
  @MaxLength(36)
  @IsUUID('loose', { message: 'image must be an image id (a uuid)' })
  image: string;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: MAX_VMS_PER_GROUP, example: 2 })
  @IsInt()
  @Min(1)
  @Max(MAX_VMS_PER_GROUP)
  count: number;
}

export class HybridLinkRequest {
  @ApiProperty({ type: String, maxLength: 18, example: '192.168.0.0/16', description: "The on-premises site's network (IPv4 CIDR)." })
  @IsString()
  @MaxLength(18)
  @IsIpv4Cidr()
  onPremisesCidr: string;

  @ApiProperty({ type: String, maxLength: 15, example: '203.0.113.10', description: "The on-premises VPN gateway's IPv4 address." })
  @IsString()
  @MaxLength(15)
  @IsIpv4Address()
  vpnGatewayAddress: string;
}

/** A requirement must say what it requires: `required` alone would silently mean nothing. */
const NamesWhatItRequires = (): PropertyDecorator =>
  ValidateBy({
    name: 'namesWhatItRequires',
    validator: {
      validate: (value: unknown, args?: ValidationArguments) => {
        const preference = args?.object as PlacementPreferenceRequest | undefined;
        return value !== true || preference?.dataCentre !== undefined || preference?.country !== undefined;
      },
      defaultMessage: () => 'required may be true only with a dataCentre or a country to require',
    },
  });

export class PlacementPreferenceRequest {
  @ApiPropertyOptional({ type: String, maxLength: 40, pattern: CODE_PATTERN.source, example: 'cn-beijing-1' })
  @IsAbsentOrValid()
  @IsString()
  @MaxLength(40)
  @Matches(CODE_PATTERN, { message: 'dataCentre must be a data centre code such as cn-beijing-1' })
  dataCentre?: string;

  @ApiPropertyOptional({ type: String, minLength: 2, maxLength: 2, pattern: COUNTRY_CODE_PATTERN.source, example: 'CN' })
  @IsAbsentOrValid()
  @IsString()
  @Length(2, 2)
  @Matches(COUNTRY_CODE_PATTERN, { message: 'country must be an ISO 3166-1 alpha-2 code such as CN' })
  country?: string;

  @ApiPropertyOptional({
    type: Boolean,
    default: false,
    example: false,
    description:
      'true: only the named data centre (or a site in the named country) may take the request; if none may, it is ' +
      "rejected with the reason (`required-placement-unavailable`). false: a preference, honoured when the site complies and has room.",
  })
  @IsAbsentOrValid()
  @IsBoolean()
  @NamesWhatItRequires()
  required?: boolean;
}

export class IaasSpecRequest {
  @ApiProperty({ type: VmGroupRequest, isArray: true, minItems: 1, maxItems: MAX_VM_GROUPS })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_VM_GROUPS)
  @EachVmGroupShaped()
  @ValidateNested({ each: true })
  @Type(() => VmGroupRequest)
  vms: VmGroupRequest[];

  @ApiProperty({ type: 'integer', minimum: 0, maximum: MAX_STORAGE_GIB, example: 500, description: 'Extra block storage, GiB.' })
  @IsInt()
  @Min(0)
  @Max(MAX_STORAGE_GIB)
  storageGib: number;

  @ApiProperty({
    type: String,
    maxLength: 18,
    example: '10.20.0.0/16',
    description: `The tenant network (IPv4 CIDR, /${NETWORK_PREFIX.min} to /${NETWORK_PREFIX.max}).`,
  })
  @IsString()
  @MaxLength(18)
  @IsIpv4Cidr(NETWORK_PREFIX)
  networkCidr: string;

  @ApiPropertyOptional({ type: HybridLinkRequest, description: 'A VPN link to an on-premises site; its network must not overlap networkCidr.' })
  @IsAbsentOrValid()
  @IsObject()
  @ValidateNested()
  @Type(() => HybridLinkRequest)
  hybridLink?: HybridLinkRequest;

  @ApiPropertyOptional({ type: PlacementPreferenceRequest, description: 'Where the request should go: honoured when the site is compliant and has room; with required, the only place it may go.' })
  @IsAbsentOrValid()
  @IsObject()
  @ValidateNested()
  @Type(() => PlacementPreferenceRequest)
  preference?: PlacementPreferenceRequest;
}

export class SubmitProvisioningRequestRequest {
  @ApiProperty({ type: String, format: 'uuid', maxLength: 36, description: 'The tenant the resources are for.' })
  @IsString()
  @MaxLength(36)
  @IsUUID('loose', { message: 'tenant must be a tenant id (a uuid)' })
  tenant: string;

  @ApiProperty({ enum: SUBMITTABLE_SERVICES })
  @IsIn(SUBMITTABLE_SERVICES)
  service: (typeof SUBMITTABLE_SERVICES)[number];

  @ApiProperty({ type: IaasSpecRequest })
  @IsObject()
  @ValidateNested()
  @Type(() => IaasSpecRequest)
  spec: IaasSpecRequest;
}

/** The spec as the domain sees it: absent options made explicit, ids in the case PostgreSQL prints them. */
export const toIaasSpec = (spec: IaasSpecRequest): IaasSpec => ({
  vms: spec.vms.map((group) => ({ size: group.size, image: group.image.toLowerCase(), count: group.count })),
  storageGib: spec.storageGib,
  networkCidr: spec.networkCidr,
  hybridLink: spec.hybridLink ? { onPremisesCidr: spec.hybridLink.onPremisesCidr, vpnGatewayAddress: spec.hybridLink.vpnGatewayAddress } : null,
  preference: {
    dataCentre: spec.preference?.dataCentre ?? null,
    country: spec.preference?.country ?? null,
    required: spec.preference?.required === true,
  },
});
