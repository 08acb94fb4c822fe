import { GetImageHandler } from './get-image/get-image.handler.js';
import { GetImageHttpController } from './get-image/get-image.http-controller.js';
import { GetSizeHandler } from './get-size/get-size.handler.js';
import { GetSizeHttpController } from './get-size/get-size.http-controller.js';
import { ListImagesHandler } from './list-images/list-images.handler.js';
import { ListImagesHttpController } from './list-images/list-images.http-controller.js';
import { ListSizesHandler } from './list-sizes/list-sizes.handler.js';
import { ListSizesHttpController } from './list-sizes/list-sizes.http-controller.js';
import { RegisterImageHandler } from './register-image/register-image.handler.js';
import { RegisterImageHttpController } from './register-image/register-image.http-controller.js';
import { RegisterSizeHandler } from './register-size/register-size.handler.js';
import { RegisterSizeHttpController } from './register-size/register-size.http-controller.js';

// Handlers and HTTP adapters of this area's use cases (images and sizes), registered by
// CatalogueModule and the API app.
export const catalogueItemHandlers = [
  RegisterImageHandler,
  ListImagesHandler,
  GetImageHandler,
  RegisterSizeHandler,
  ListSizesHandler,
  GetSizeHandler,
];
export const catalogueItemHttpControllers = [
  RegisterImageHttpController,
  ListImagesHttpController,
  GetImageHttpController,
  RegisterSizeHttpController,
  ListSizesHttpController,
  GetSizeHttpController,
];
