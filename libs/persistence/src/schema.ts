import { accessEntities } from '#libs/access/src/persistence/access.entities.js';
import { catalogueEntities } from '#libs/catalogue/src/persistence/catalogue.entities.js';
import { provisioningEntities } from '#libs/provisioning/src/persistence/provisioning.entities.js';
import { Catalogue1764518400000 } from './migrations/1764518400000-catalogue.js';
import { AccessControl1764604800000 } from './migrations/1764604800000-access-control.js';
import { Provisioning1764691200000 } from './migrations/1764691200000-provisioning.js';
import { Policy1764777600000 } from './migrations/1764777600000-policy.js';
import { RoomForUpdates1764864000000 } from './migrations/1764864000000-room-for-updates.js';
import { RateLimitCounters1764950400000 } from './migrations/1764950400000-rate-limit-counters.js';

// Registered by class reference, not file globs, so bundles and ESM builds find them.
export const entities = [...catalogueEntities, ...accessEntities, ...provisioningEntities];
export const migrations = [
  Catalogue1764518400000,
  AccessControl1764604800000,
  Provisioning1764691200000,
  Policy1764777600000,
  RoomForUpdates1764864000000,
  RateLimitCounters1764950400000,
];
