import { STATUTE_NAMES } from '../../contracts/statutes.js';

// What an English reader needs to find a provision: the statute named in English with its Chinese
// name beside it (contracts/statutes.ts), in the same sentence as the article. "art. 27" alone, or
// "LDMAL art. 27", sends the reader looking.

/** An article reference in English: "art. 27", "Art. 30 ¶1", "arts. 5 and 15", "Article 7". */
const ARTICLE = /\b(?:[Aa]rts?\.|Articles?)\s*\d+/;
/** Abbreviations a reader cannot look up. */
const ABBREVIATION = /\b(?:LDMAL|LCL|CPL)\b/;

/** Sentence ends: ". " before a capital or an opening bracket or quote ("art. 14" is not one). */
const SENTENCE_END = /(?<=[.!?])\s+(?=[A-Z(“"‘])|\n+/;

/** Statutes as contracts/statutes.ts names them, the longest English name first. */
const STATUTES = [...STATUTE_NAMES].sort((a, b) => b.en.length - a.en.length);

/** The sentence names a statute as contracts/statutes.ts does: "Labor Contract Law (劳动合同法". */
function namesStatute(sentence: string): boolean {
  return STATUTES.some((s) => sentence.includes(`${s.en} (${s.zh}`));
}

/** A statute named in English without its Chinese name beside it. */
function namedWithoutChinese(sentence: string): boolean {
  let rest = sentence;
  for (const s of STATUTES) rest = rest.split(`${s.en} (${s.zh}`).join('');
  return STATUTES.some((s) => rest.includes(s.en));
}

/**
 * The sentences of `text` that refer to an article without naming its statute (in English with
 * the Chinese name beside it), that name a statute in English without its Chinese name, or that
 * cite a statute by an abbreviation.
 */
export function bareArticleReferences(text: string): string[] {
  return text
    .split(SENTENCE_END)
    .map((s) => s.trim())
    .filter((s) => (ARTICLE.test(s) && !namesStatute(s)) || namedWithoutChinese(s) || ABBREVIATION.test(s));
}
