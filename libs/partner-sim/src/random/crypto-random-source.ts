import { Injectable } from '@nestjs/common';
import { randomFillSync } from 'node:crypto';
import { RandomSource } from '../domain/partner-sim.ports.js';

const ID_BYTES = 8;
/** Ids drawn per refill: each refill is a syscall, which one per id made a visible share of a partner call. */
const IDS_PER_REFILL = 512;

@Injectable()
export class CryptoRandomSource extends RandomSource {
  private readonly pool = Buffer.alloc(ID_BYTES * IDS_PER_REFILL);
  private offset = this.pool.length;

  next(): number {
    return Math.random();
  }

  uniqueId(): string {
    if (this.offset === this.pool.length) {
      randomFillSync(this.pool);
      this.offset = 0;
    }
    const id = this.pool.toString('hex', this.offset, this.offset + ID_BYTES);
    this.offset += ID_BYTES;
    return id;
  }
}
