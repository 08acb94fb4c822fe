import { CreateResourceHandler } from './create-resource/create-resource.handler.js';
import { CreateResourceHttpController } from './create-resource/create-resource.http-controller.js';
import { DeleteResourceHandler } from './delete-resource/delete-resource.handler.js';
import { DeleteResourceHttpController } from './delete-resource/delete-resource.http-controller.js';
import { ListResourcesHandler } from './list-resources/list-resources.handler.js';
import { ListResourcesHttpController } from './list-resources/list-resources.http-controller.js';
import { PowerOnResourceHandler } from './power-on-resource/power-on-resource.handler.js';
import { PowerOnResourceHttpController } from './power-on-resource/power-on-resource.http-controller.js';

export const resourceHandlers = [CreateResourceHandler, DeleteResourceHandler, PowerOnResourceHandler, ListResourcesHandler];
export const resourceHttpControllers = [
  CreateResourceHttpController,
  ListResourcesHttpController,
  DeleteResourceHttpController,
  PowerOnResourceHttpController,
];
