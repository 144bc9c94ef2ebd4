/**
 * A function of a day's text, remembered. A reminder sweep rates tens of thousands of actions, and the
 * reasons and labels it writes for them name a few hundred distinct days: working each out once is
 * most of what rating costs (at 100,000 actions, ~1.8 → ~1 µs an action).
 */
export function rememberByDay(fn: (day: string) => string): (day: string) => string {
  const known = new Map<string, string>();
  return (day) => {
    let value = known.get(day);
    if (value === undefined) {
      // Days in use are a few hundred; forgetting them all now and then keeps the map small.
      if (known.size >= 10_000) known.clear();
      known.set(day, (value = fn(day)));
    }
    return value;
  };
}
