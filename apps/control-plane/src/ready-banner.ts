import { dirname } from 'node:path';
import type { ControlPlane } from './start-control-plane.js';

/** What a person needs after `npm start`: where it is, what is in it, and something to try. */
export function readyBanner(controlPlane: ControlPlane): string {
  const { url, seed, platformKeyFile } = controlPlane;
  const world = seed.seeded
    ? `demo world loaded (${seed.report.created.length} created, ${seed.report.present.length} already there)`
    : `demo world not loaded: ${seed.reason}`;
  // The path, never the key: the banner may end up in a log.
  const bearer = platformKeyFile
    ? `$(cat ${platformKeyFile})`
    : controlPlane.bootstrapKeySet
      ? '$BOOTSTRAP_API_KEY'
      : '<key>';
  const auth = `-H "Authorization: Bearer ${bearer}"`;
  const keys = platformKeyFile
    ? [`  API keys   demo keys for every role in ${dirname(platformKeyFile)}/ (api-keys.json says which is which)`]
    : [
        '  API keys   no demo key here: `npm run seed` makes them (not in production), or',
        '             `npm run -s api-key:create -- --name me --role platform-operator` prints a new one',
      ];
  return [
    '',
    `  Hybrid-cloud control plane ready on ${url}`,
    `  ${controlPlane.components.map((c) => c.name).join(' + ')} in one process; ${world}`,
    '',
    `  API docs   ${url}/docs   (OpenAPI: ${url}/openapi.json)`,
    `  Health     ${url}/health/ready`,
    ...keys,
    '',
    '  Try:',
    `    curl -s ${auth} ${url}/v1/partners`,
    `    curl -s ${auth} '${url}/v1/data-centres?limit=5'`,
    `    curl -s ${url}/health/ready`,
    '',
    '  Ctrl-C stops it.',
    '',
  ].join('\n');
}
