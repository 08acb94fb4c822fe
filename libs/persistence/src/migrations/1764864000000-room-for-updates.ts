import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A request and its step rows are rewritten at every step. With full pages each rewrite lands on
 * another page, which costs an entry in every index of the table and leaves the old entries for
 * vacuum to find; with room on the page the rewrite stays there (a HOT update: no index entry,
 * and the next reader prunes the old version). Applies to pages written from now on.
 */
export class RoomForUpdates1764864000000 implements MigrationInterface {
  name = 'RoomForUpdates1764864000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE provisioning_requests SET (fillfactor = 50)`);
    await db.query(`ALTER TABLE provisioning_steps SET (fillfactor = 40)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE provisioning_steps RESET (fillfactor)`);
    await db.query(`ALTER TABLE provisioning_requests RESET (fillfactor)`);
  }
}
