import { GetOperationHandler } from './get-operation/get-operation.handler.js';
import { GetOperationHttpController } from './get-operation/get-operation.http-controller.js';

export const operationHandlers = [GetOperationHandler];
export const operationHttpControllers = [GetOperationHttpController];
