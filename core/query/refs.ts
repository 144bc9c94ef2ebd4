/**
 * The parser lower-cases refs ("12a", "r3"); plans write them as they like ("12A", "R3"). The spellings
 * a typed ref can stand for, so lookups stay indexed equality matches on SQLite and PostgreSQL alike.
 */
export function refSpellings(ref: string, prefixes: string[] = []): string[] {
  const upper = ref.toUpperCase();
  // "national 7" as plans write it: "National 7".
  const titled = ref.replace(/\b[a-z]/g, (c) => c.toUpperCase());
  return [...new Set([ref, upper, titled, ...prefixes.flatMap((p) => [`${p}${ref}`, `${p}${upper}`])])];
}

/** Plan key as users see it on cards ("BTP-CDI-7"). */
export function displayRef(planKey: string | undefined, ref: string): string {
  return planKey ? `${planKey}-${ref}` : ref;
}
