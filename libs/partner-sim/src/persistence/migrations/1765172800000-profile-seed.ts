import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A profile may carry a seed that makes its partner's draws reproducible; null: Math.random, as before. */
export class ProfileSeed1765172800000 implements MigrationInterface {
  name = 'ProfileSeed1765172800000';

  async up(db: QueryRunner): Promise<void> {
    // bigint: seeds go up to 2^53 - 1, what JSON carries exactly.
    await db.query(`ALTER TABLE partner_sim.profiles ADD COLUMN seed bigint CHECK (seed BETWEEN 0 AND 9007199254740991)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE partner_sim.profiles DROP COLUMN seed`);
  }
}
