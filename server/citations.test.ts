import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { bareArticleReferences } from '../tests/support/citations.js';

/**
 * Every English text that cites an article names its statute as contracts/statutes.ts does, in
 * English with the Chinese name beside it: the web's English strings and the server's English
 * messages, notes and bases (messageEn, noteEn, basisEn, textEn…). Read from the source, so a
 * message only some case would produce is checked too.
 */

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

function sourceFiles(dir: string, keep: (name: string) => boolean): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...sourceFiles(full, keep));
    else if (keep(e.name)) out.push(full);
  }
  return out;
}

const code = (name: string) => /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name);

/** The texts of a file's string and template literals (a template's parts joined by "…"). */
function literals(file: string): string[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const out: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) out.push(node.text);
    else if (ts.isTemplateExpression(node))
      out.push([node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join('…'));
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

const files = [
  ...sourceFiles(path.join(root, 'server'), code),
  // contracts/statutes.ts is the list of names itself.
  ...sourceFiles(path.join(root, 'contracts'), code).filter((f) => path.basename(f) !== 'statutes.ts'),
  ...sourceFiles(path.join(root, 'web/src'), (name) => name === 'strings.en.ts'),
];

describe('article references in English', () => {
  it('the checker finds a bare article and an abbreviation, and passes a named statute', () => {
    expect(bareArticleReferences('Apply within 15 days (art. 14). Then wait.')).toEqual([
      'Apply within 15 days (art. 14).',
    ]);
    expect(bareArticleReferences('It may be extended (LDMAL art. 14).')).toHaveLength(1);
    expect(
      bareArticleReferences(
        'It may not be extended (Labor Dispute Mediation and Arbitration Law (劳动争议调解仲裁法) art. 14).',
      ),
    ).toEqual([]);
  });

  it('name the statute in English with its Chinese name, in every source text', () => {
    expect(files.length).toBeGreaterThan(100);
    const bare = files.flatMap((file) =>
      literals(file).flatMap((text) =>
        bareArticleReferences(text).map((sentence) => `${path.relative(root, file)}: ${sentence}`),
      ),
    );
    expect(bare).toEqual([]);
  });
});

describe('English spelling', () => {
  it('is American throughout, as the statutes’ English names are (“Labor Contract Law”)', () => {
    const british = files.flatMap((file) =>
      literals(file)
        .filter((text) => /\b[Ll]abour\b/.test(text))
        .map((text) => `${path.relative(root, file)}: ${text.slice(0, 80)}`),
    );
    expect(british).toEqual([]);
  });
});
