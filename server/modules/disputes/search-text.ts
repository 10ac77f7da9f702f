import type { CaseFacts } from '../../../contracts/disputes/case-json.js';

// What the case list's search box looks in: one text per case (dispute_cases.search_text, kept by
// case-writer.ts on every write of the facts), searched with ILIKE under a trigram index, so any
// part of a number or a name finds the case. The resident ID is never part of it.

/** A named party with an optional phone (the loosely typed `facts.parties` of newer intakes). */
interface SearchableParty {
  name?: unknown;
  phone?: unknown;
  contactName?: unknown;
  contactPhone?: unknown;
}

/** The facts the search reads; `parties` may be absent or of an older shape, so it is read loosely. */
export type SearchableFacts = Partial<
  Pick<CaseFacts, 'worker' | 'employer' | 'respondent' | 'construction' | 'representatives'>
> & { parties?: unknown };

/** How long the text may grow: a case names a dozen parties at most; more is not searched. */
const MAX_LENGTH = 4_000;

const digitsOf = (s: string) => s.replace(/\D/g, '');

function textOf(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? value.trim() : null;
}

/** A phone as written, and its digits alone when it has separators (0760-88880001 → 076088880001). */
function phoneForms(value: unknown): string[] {
  const phone = textOf(value);
  if (!phone) return [];
  const digits = digitsOf(phone);
  return digits && digits !== phone ? [phone, digits] : [phone];
}

function partyTexts(party: SearchableParty | null | undefined): string[] {
  if (!party || typeof party !== 'object') return [];
  return [
    textOf(party.name),
    textOf(party.contactName),
    ...phoneForms(party.phone),
    ...phoneForms(party.contactPhone),
  ].filter((s): s is string => !!s);
}

function listOf(value: unknown): SearchableParty[] {
  return Array.isArray(value) ? value.filter((p): p is SearchableParty => !!p && typeof p === 'object') : [];
}

/**
 * The search text of a case: its number (and the number's digits alone, so "0123" or "2025 123"
 * find 粤中工调〔2025〕000123号), the worker's name and phone, the employer's and the
 * respondent's names, contacts and phones, every party of a construction chain, the
 * representatives and any `facts.parties`. `worker` is the person on file, for cases whose facts
 * name no worker (historic ones).
 */
export function caseSearchText(
  caseNumber: string,
  facts: SearchableFacts,
  worker?: { name: string; phone?: string | null },
): string {
  const parts = [
    caseNumber,
    digitsOf(caseNumber),
    ...partyTexts(facts.worker),
    ...partyTexts(worker),
    ...partyTexts(facts.employer),
    ...partyTexts(facts.respondent),
    ...listOf(facts.construction?.parties).flatMap(partyTexts),
    ...listOf(facts.representatives).flatMap(partyTexts),
    ...listOf(facts.parties).flatMap(partyTexts),
  ];
  const unique = [...new Set(parts.map((p) => p.replace(/\s+/g, ' ')).filter(Boolean))];
  return unique.join(' ').slice(0, MAX_LENGTH);
}

/** Digits with the separators a case or phone number is written with (never a LIKE wildcard). */
const NUMBER_WITH_SEPARATORS = /^[\d\-./()（）〔〕[\]【】号]+$/;

/** At most this many words of a query are matched (each one more condition). */
const MAX_TERMS = 5;

/**
 * The words of a search, each with the forms that may match it: the word as typed, and for a
 * number written with separators (2025-000123, 〔2025〕000123) also its digits alone. A case
 * matches when every word matches one of its forms. Wildcards are the caller's to escape.
 */
export function searchTerms(q: string): string[][] {
  const words = [...new Set(q.trim().split(/\s+/).filter(Boolean))].slice(0, MAX_TERMS);
  return words.map((word) => {
    const digits = digitsOf(word);
    const numberWithSeparators = digits.length >= 2 && digits !== word && NUMBER_WITH_SEPARATORS.test(word);
    return numberWithSeparators ? [word, digits] : [word];
  });
}
