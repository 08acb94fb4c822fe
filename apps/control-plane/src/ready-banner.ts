import type { ControlPlane } from './start-control-plane.js';

/** What a person needs after `npm start`: where it is, what is in it, and something to try. */
export function readyBanner(controlPlane: ControlPlane): string {
  const { url, seed } = controlPlane;
  const world = seed.seeded
    ? `demo world loaded (${seed.report.created.length} created, ${seed.report.present.length} already there)`
    : `demo world not loaded: ${seed.reason}`;
  return [
    '',
    `  Hybrid-cloud control plane ready on ${url}`,
    `  ${controlPlane.components.map((c) => c.name).join(' + ')} in one process; ${world}`,
    '',
    `  API docs   ${url}/docs   (OpenAPI: ${url}/openapi.json)`,
    `  Health     ${url}/health/ready`,
    '',
    '  Try:',
    `    curl -s ${url}/v1/partners`,
    `    curl -s '${url}/v1/data-centres?limit=5'`,
    `    curl -s ${url}/health/ready`,
    '',
    '  Ctrl-C stops it.',
    '',
  ].join('\n');
}
