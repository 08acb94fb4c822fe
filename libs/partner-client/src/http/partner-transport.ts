import http from 'node:http';
import https from 'node:https';

/** One HTTP exchange as HttpPartnerBackend needs it: the global fetch fits, and so does keepAliveTransport. */
export type PartnerTransport = (
  url: URL,
  init: { method: string; headers: Record<string, string>; body?: string; signal: AbortSignal },
) => Promise<{ ok: boolean; status: number; headers: { get(name: string): string | null }; text(): Promise<string> }>;

/**
 * node:http over kept-alive connections. Every provisioning step makes a partner call or two, and
 * the global fetch costs about twice the CPU per call (its WHATWG streams and Response objects);
 * the bodies here are small JSON texts, read whole.
 */
export function keepAliveTransport(): PartnerTransport {
  const agents = { http: new http.Agent({ keepAlive: true }), https: new https.Agent({ keepAlive: true }) };
  return (url, { method, headers, body, signal }) =>
    new Promise((resolve, reject) => {
      const secure = url.protocol === 'https:';
      const sized = body === undefined ? headers : { ...headers, 'content-length': String(Buffer.byteLength(body)) };
      const request = (secure ? https : http).request(url, { method, headers: sized, agent: secure ? agents.https : agents.http }, (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('error', reject);
        response.on('end', () => {
          signal.removeEventListener('abort', abort);
          const status = response.statusCode ?? 0;
          const get = (name: string): string | null => {
            const value = response.headers[name.toLowerCase()];
            return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
          };
          resolve({ ok: status >= 200 && status < 300, status, headers: { get }, text: () => Promise.resolve(text) });
        });
      });
      // The deadline covers the whole exchange: a stalled answer is cut off too, with the signal's reason (a TimeoutError).
      function abort(): void {
        reject(signal.reason);
        request.destroy();
      }
      if (signal.aborted) return abort();
      signal.addEventListener('abort', abort, { once: true });
      request.on('error', (error) => {
        signal.removeEventListener('abort', abort);
        reject(error);
      });
      request.end(body);
    });
}
