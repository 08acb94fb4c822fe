import { createHash } from 'node:crypto';

/** Namespace of the demo world's ids; fixed so every database derives the same ids. */
export const DEMO_WORLD_NAMESPACE = '5f0c3a1e-7b2d-4c8e-9a61-2d4f8b0e6c13';

/**
 * RFC 9562 UUID version 5 (SHA-1 of namespace and name): the same name always yields the same id,
 * so re-runs and fresh databases agree on which tenant or image is which.
 */
export function uuidV5(name: string, namespace: string = DEMO_WORLD_NAMESPACE): string {
  const namespaceBytes = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  if (namespaceBytes.length !== 16) throw new Error(`Not a UUID: '${namespace}'.`);
  const hash = createHash('sha1').update(namespaceBytes).update(name, 'utf8').digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
