import { CreateApiKeyHandler } from './create-api-key/create-api-key.handler.js';
import { CreateApiKeyHttpController } from './create-api-key/create-api-key.http-controller.js';
import { GetApiKeyHandler } from './get-api-key/get-api-key.handler.js';
import { GetApiKeyHttpController } from './get-api-key/get-api-key.http-controller.js';
import { ListApiKeysHandler } from './list-api-keys/list-api-keys.handler.js';
import { ListApiKeysHttpController } from './list-api-keys/list-api-keys.http-controller.js';
import { RevokeApiKeyHandler } from './revoke-api-key/revoke-api-key.handler.js';
import { RevokeApiKeyHttpController } from './revoke-api-key/revoke-api-key.http-controller.js';

export const apiKeyHandlers = [CreateApiKeyHandler, ListApiKeysHandler, GetApiKeyHandler, RevokeApiKeyHandler];
export const apiKeyHttpControllers = [
  CreateApiKeyHttpController,
  ListApiKeysHttpController,
  GetApiKeyHttpController,
  RevokeApiKeyHttpController,
];
