/** A clock tests set and move by hand. */
import type { Clock } from '../../core/time';

export interface TestClock {
  now: Clock;
  set(iso: string | Date): void;
  advance(ms: number): void;
}

export function testClock(start: string): TestClock {
  let t = new Date(start).getTime();
  return {
    now: () => new Date(t),
    set: (iso) => {
      t = new Date(iso).getTime();
    },
    advance: (ms) => {
      t += ms;
    },
  };
}
