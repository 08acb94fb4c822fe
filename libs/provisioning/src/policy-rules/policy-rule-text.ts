import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { IsAbsentOrValid } from '#libs/core/src/http/validation.js';
import { MULTI_LINE_TEXT_PATTERN, SINGLE_LINE_TEXT_PATTERN } from '#libs/catalogue/src/jurisdictions/text-patterns.js';

/** A rule's name: one line, unique; decisions and lists show it. */
export const RuleName = (optional: boolean): PropertyDecorator =>
  applyDecorators(
    (optional ? ApiPropertyOptional : ApiProperty)({ type: String, minLength: 1, maxLength: 120, pattern: SINGLE_LINE_TEXT_PATTERN.source }),
    ...(optional ? [IsAbsentOrValid()] : []),
    IsString(),
    MinLength(1),
    MaxLength(120),
    Matches(SINGLE_LINE_TEXT_PATTERN, { message: 'name must be one line without control characters' }),
  );

/** Why the rule exists, for the operator who reads it later. */
export const RuleDescription = (optional: boolean): PropertyDecorator =>
  applyDecorators(
    (optional ? ApiPropertyOptional : ApiProperty)({ type: String, minLength: 1, maxLength: 1000, pattern: MULTI_LINE_TEXT_PATTERN.source }),
    ...(optional ? [IsAbsentOrValid()] : []),
    IsString(),
    MinLength(1),
    MaxLength(1000),
    Matches(MULTI_LINE_TEXT_PATTERN, { message: 'description must not contain control characters' }),
  );
