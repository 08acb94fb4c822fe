import { readDemoKeys } from '#libs/seed/src/demo-keys/demo-keys-file.js';
import { PLATFORM_DEMO_KEY, tenantKeyName } from '#libs/seed/src/demo-keys/demo-keys.js';
import type { ImageView, TenantView } from './api-views.js';
import { DemoApiClient } from './demo-api-client.js';

export interface DemoTenant {
  id: string;
  name: string;
  /** The API as the tenant's own key sees it. */
  api: DemoApiClient;
}

/**
 * Who is who in the demo world: the API keys the seed wrote, a client per key, and the ids of
 * tenants and images by name, read through the API as any client would find them.
 */
export class DemoDirectory {
  private constructor(
    private readonly clients: Map<string, DemoApiClient>,
    private readonly tenants: Map<string, TenantView>,
    private readonly images: Map<string, ImageView>,
  ) {}

  static async load(apiUrl: string, keysDir: string): Promise<DemoDirectory> {
    const keys = await readDemoKeys(keysDir);
    if (!keys.has(PLATFORM_DEMO_KEY)) throw new Error(`No demo API keys in ${keysDir}: the seed did not write them.`);
    const clients = new Map([...keys].map(([name, entry]) => [name, new DemoApiClient(apiUrl, entry.key)]));
    const platform = clients.get(PLATFORM_DEMO_KEY)!;
    const tenants = await platform.all<TenantView>('/v1/tenants');
    const images = await platform.all<ImageView>('/v1/catalogue/images');
    return new DemoDirectory(clients, new Map(tenants.map((t) => [t.name, t])), new Map(images.map((i) => [i.name, i])));
  }

  client(keyName: string): DemoApiClient {
    const client = this.clients.get(keyName);
    if (!client) throw new Error(`No demo key '${keyName}'; there are: ${[...this.clients.keys()].join(', ')}.`);
    return client;
  }

  tenant(name: string): DemoTenant {
    const tenant = this.tenants.get(name);
    if (!tenant) throw new Error(`No tenant '${name}' in the demo world.`);
    return { id: tenant.id, name, api: this.client(tenantKeyName(name)) };
  }

  imageId(name: string): string {
    const image = this.images.get(name);
    if (!image) throw new Error(`No image '${name}' in the catalogue.`);
    return image.id;
  }
}
