import { type BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { NotFoundError } from '#libs/core/src/domain/domain-error.js';
import { FINAL_STATUSES, type RequestStatus } from '../../domain/request-status.js';
import { isUuid } from '../request-id.js';
import { toRequestEventResponse } from './request-event.response.js';

const POLL_MS = 250;
const HEARTBEAT_MS = 15_000;
const BATCH = 200;

/** What a stream waits for when the client does not say: the provisioning it watches succeeding. */
export const DEFAULT_STREAM_END: readonly RequestStatus[] = ['ACTIVE'];

/** The statuses that end a stream: those the client waits for, and the final ones, after which nothing happens. */
export const streamEndStatuses = (until: readonly RequestStatus[] = DEFAULT_STREAM_END): ReadonlySet<RequestStatus> =>
  new Set([...until, ...FINAL_STATUSES]);

interface EventRow {
  id: string;
  at: Date;
  type: string;
  data: Record<string, unknown>;
}

/**
 * A request's event log as a server-sent event stream: what is there after the client's last
 * event id, then what is appended, polled every 250 ms. Each event's `id:` is its log id, so a
 * client that reconnects with `Last-Event-ID` misses nothing and sees nothing twice. The stream
 * ends once the request is in a status it ends at (ACTIVE unless the client names others, and
 * every final one) and every event up to then has been sent (a status and its event commit
 * together, so reading the status before the events cannot miss the last one). A client that
 * comes back after the end gets 204, which tells EventSource not to reconnect.
 */
@Injectable()
export class RequestEventStream implements BeforeApplicationShutdown {
  private readonly logger = new Logger(RequestEventStream.name);
  /** Open streams, with how to stop each and when it has stopped: shutdown waits for them. */
  private readonly open = new Map<() => void, Promise<void>>();

  constructor(private readonly dataSource: DataSource) {}

  /** Throws NotFoundError before anything is sent when the request does not exist. */
  async follow(requestId: string, afterEventId: string, res: Response, endAt: ReadonlySet<RequestStatus> = streamEndStatuses()): Promise<void> {
    const status = isUuid(requestId) ? await this.statusOf(requestId) : null;
    if (status === null) throw new NotFoundError('provisioning request', requestId);
    if (endAt.has(status) && (await this.eventsAfter(requestId, afterEventId, 1)).length === 0) {
      res.status(204).end();
      return;
    }
    let stopped = false;
    let wake = (): void => {};
    const stop = () => {
      stopped = true;
      wake();
    };
    const sleep = () =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, POLL_MS);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    // Nothing is written to a client that has gone.
    const send = (text: string): void => {
      if (!stopped && !res.destroyed) res.write(text);
    };
    res.on('close', stop);
    res.status(200);
    res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
    res.setHeader('Cache-Control', 'no-cache, no-transform');
    res.setHeader('Connection', 'keep-alive');
    res.setHeader('X-Accel-Buffering', 'no');
    res.flushHeaders();
    send('retry: 1000\n\n');

    const run = async () => {
      let after = afterEventId;
      let quietSince = Date.now();
      while (!stopped) {
        const current = await this.statusOf(requestId);
        const events = await this.eventsAfter(requestId, after, BATCH);
        for (const event of events) {
          send(`id: ${event.id}\ndata: ${JSON.stringify(toRequestEventResponse(event))}\n\n`);
          after = String(event.id);
          quietSince = Date.now();
        }
        if (events.length === BATCH) continue;
        if (current === null || endAt.has(current)) {
          send(`event: end\ndata: ${JSON.stringify({ status: current })}\n\n`);
          return;
        }
        if (Date.now() - quietSince >= HEARTBEAT_MS) {
          send(': keep-alive\n\n');
          quietSince = Date.now();
        }
        await sleep();
      }
    };
    const done = run()
      .catch((error: unknown) => this.logger.error(`Event stream of ${requestId} failed: ${error instanceof Error ? error.stack : String(error)}`))
      .finally(() => {
        this.open.delete(stop);
        res.off('close', stop);
        if (!res.writableEnded) res.end();
      });
    this.open.set(stop, done);
    await done;
  }

  /** How many clients are following a stream now. */
  get openStreams(): number {
    return this.open.size;
  }

  /** Ends every open stream before the HTTP server and the database pool close. */
  async beforeApplicationShutdown(): Promise<void> {
    const streams = [...this.open.entries()];
    for (const [stop] of streams) stop();
    await Promise.allSettled(streams.map(([, done]) => done));
  }

  private async statusOf(requestId: string): Promise<RequestStatus | null> {
    const rows: { status: RequestStatus }[] = await this.dataSource.query(`SELECT status FROM provisioning_requests WHERE id = $1`, [requestId]);
    return rows[0]?.status ?? null;
  }

  private eventsAfter(requestId: string, afterEventId: string, limit: number): Promise<EventRow[]> {
    return this.dataSource.query(
      `SELECT id::text AS id, at, type, data FROM request_events WHERE request_id = $1 AND id > $2::bigint ORDER BY request_events.id LIMIT $3`,
      [requestId, afterEventId, limit],
    );
  }
}
