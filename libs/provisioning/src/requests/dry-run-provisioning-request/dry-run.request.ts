import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

export class SubmitOptionsRequest {
  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description: 'true: answer 200 with the policy decision and placement a submission would get, and write nothing.',
  })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'dryRun must be true or false' })
  dryRun?: 'true' | 'false';
}
