import { ApiProperty } from '@nestjs/swagger';
import { ApiKeyResponse } from '../api-key.response.js';

export class CreatedApiKeyResponse extends ApiKeyResponse {
  @ApiProperty({
    example: 'hcp_Jd3kP0aZ1qXw_3q2-7wXc9VnB0kz5yQ1r8T4mH6aL2sD0fG9jK7pE5uI',
    description: 'The key itself, to send as `Authorization: Bearer <key>`. Shown this once: only a hash is kept.',
  })
  key: string;
}
