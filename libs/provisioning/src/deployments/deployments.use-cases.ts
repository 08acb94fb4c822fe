import { DecommissionDeploymentHandler } from './decommission-deployment/decommission-deployment.handler.js';
import { DecommissionDeploymentHttpController } from './decommission-deployment/decommission-deployment.http-controller.js';
import { GetDeploymentHandler } from './get-deployment/get-deployment.handler.js';
import { GetDeploymentHttpController } from './get-deployment/get-deployment.http-controller.js';
import { ListDeploymentsHandler } from './list-deployments/list-deployments.handler.js';
import { ListDeploymentsHttpController } from './list-deployments/list-deployments.http-controller.js';

export const deploymentHandlers = [GetDeploymentHandler, ListDeploymentsHandler, DecommissionDeploymentHandler];
export const deploymentHttpControllers = [ListDeploymentsHttpController, GetDeploymentHttpController, DecommissionDeploymentHttpController];
