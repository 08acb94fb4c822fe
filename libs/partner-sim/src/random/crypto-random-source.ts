import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { RandomSource } from '../domain/partner-sim.ports.js';

@Injectable()
export class CryptoRandomSource extends RandomSource {
  next(): number {
    return Math.random();
  }

  uniqueId(): string {
    return randomBytes(8).toString('hex');
  }
}
