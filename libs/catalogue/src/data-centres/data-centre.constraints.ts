import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsString, Matches, MaxLength } from 'class-validator';
import { IsAbsentOrValid } from '#libs/core/src/http/validation.js';

// Input limits shared by this area's request DTOs, so the validators and the OpenAPI keywords
// of register, capacity and status changes cannot drift apart.

/** Bound so a typo cannot create a pool larger than PostgreSQL's integer can add to. */
export const MAX_POOL_SIZE = 10_000_000;
export const POOL_SCHEMA = { type: 'integer', minimum: 0, maximum: MAX_POOL_SIZE } as const;

/** RFC 3339 full-date, as OpenAPI's `format: date`: this shape, and then a real calendar day. */
export const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;
export const AVAILABLE_FROM_MESSAGE = 'availableFrom must be a calendar date written YYYY-MM-DD';
export const AVAILABLE_FROM_DESCRIPTION =
  "The first day a planned site takes work: required when status is 'planned', refused otherwise.";

/** The optional `availableFrom` of registration and status changes: one stack, one set of keywords. */
export const AvailableFromField = (): PropertyDecorator =>
  applyDecorators(
    ApiPropertyOptional({ type: String, format: 'date', maxLength: 10, example: '2027-01-01', description: AVAILABLE_FROM_DESCRIPTION }),
    IsAbsentOrValid(),
    IsString(),
    MaxLength(10),
    Matches(DATE_SHAPE, { message: AVAILABLE_FROM_MESSAGE }),
    IsISO8601({ strict: true }, { message: AVAILABLE_FROM_MESSAGE }),
  );
