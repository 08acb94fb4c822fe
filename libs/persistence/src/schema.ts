import { catalogueEntities } from '#libs/catalogue/src/persistence/catalogue.entities.js';
import { Catalogue1764518400000 } from './migrations/1764518400000-catalogue.js';

// Registered by class reference, not file globs, so bundles and ESM builds find them.
export const entities = [...catalogueEntities];
export const migrations = [Catalogue1764518400000];
