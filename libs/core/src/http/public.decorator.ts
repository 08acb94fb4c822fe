import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'access:public';

/** Marks a route that needs no API key (health checks); everything else does. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);
