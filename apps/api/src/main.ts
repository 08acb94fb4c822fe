import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { loadConfig } from '#libs/core/src/config/app-config.js';
import { createApiApp } from './create-api-app.js';

const config = loadConfig(process.env);
const app = await createApiApp(config);
await app.listen(config.port);
new Logger('api').log(`API listening on http://127.0.0.1:${config.port} (docs at /docs)`);
