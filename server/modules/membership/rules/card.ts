/**
 * What a member card's QR encodes: the member number and a keyed MAC of the number and the
 * membership (one stay in one organization), so a card cannot be made up from a number, and a
 * transfer or leaving voids the old card. `mac` is the platform's keyed hash function.
 */
export function cardCodeOf(mac: (s: string) => string, membership: { id: string; memberNo: string }): string {
  return `YZM1-${membership.memberNo}-${mac(`member-card:v1:${membership.memberNo}:${membership.id}`).slice(0, 20)}`;
}

/** The member number a card code names, or null when it is not shaped like one. */
export function memberNoOfCard(code: string): string | null {
  const m = /^YZM1-(\d{16})-[0-9a-f]{20}$/.exec(code.trim());
  return m ? m[1]! : null;
}

/**
 * A member number: the region of the organization the person first joined, the year, and a
 * six-digit serial of that region and year (6328002026000001). It stays with the person.
 */
export function memberNumber(regionCode: string, year: number, serial: number): string {
  return `${regionCode}${year}${String(serial).padStart(6, '0')}`;
}

/** An application number: RH, the China date, a five-digit serial of that day (RH20261207-00012). */
export function applicationNumber(chinaDate: string, serial: number): string {
  return `RH${chinaDate.replaceAll('-', '')}-${String(serial).padStart(5, '0')}`;
}

/** The organizations a worker joins directly: grassroots, joint and industry unions, not federations. */
export const JOINABLE_KINDS: readonly string[] = ['grassroots', 'joint', 'industry'];
