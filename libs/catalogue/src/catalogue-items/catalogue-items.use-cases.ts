// Handlers and HTTP adapters of this area's use cases, registered by CatalogueModule and the API app.
export const catalogueItemHandlers = [];
export const catalogueItemHttpControllers = [];
