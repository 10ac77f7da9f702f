// The i18n convention, checked from the list of files under web/src/features: every feature has
// its words in strings.zh.ts (the source) and strings.en.ts, and an i18n.ts that registers them.

/** Files that make a folder's strings: Chinese, English and the registration. */
const ZH = 'strings.zh.ts';
const EN = 'strings.en.ts';
const REGISTRATION = 'i18n.ts';

/**
 * What breaks the convention, one sentence per problem (none: it holds). `paths` are the files of
 * the features, relative to the features folder or ending in `features/<feature>/…`.
 */
export function stringsProblems(paths: readonly string[]): string[] {
  const folders = new Map<string, Set<string>>();
  for (const path of paths) {
    const inFeatures = path.replace(/^.*?features\//, '');
    const cut = inFeatures.lastIndexOf('/');
    if (cut < 0) continue;
    const folder = inFeatures.slice(0, cut);
    folders.set(folder, (folders.get(folder) ?? new Set()).add(inFeatures.slice(cut + 1)));
  }
  const features = new Set([...folders.keys()].map((folder) => folder.split('/')[0]!));
  const problems: string[] = [];
  for (const feature of [...features].sort()) if (!folders.get(feature)?.has(ZH)) problems.push(`${feature}: no ${ZH}`);
  for (const [folder, files] of [...folders].sort(([a], [b]) => a.localeCompare(b))) {
    const zh = files.has(ZH);
    const en = files.has(EN);
    if (zh && !en) problems.push(`${folder}: ${ZH} without ${EN}`);
    if (en && !zh) problems.push(`${folder}: ${EN} without ${ZH}`);
    if (zh && !files.has(REGISTRATION)) problems.push(`${folder}: ${ZH} without ${REGISTRATION} to register it`);
    if (files.has(REGISTRATION) && !zh) problems.push(`${folder}: ${REGISTRATION} without ${ZH}`);
  }
  return problems;
}

/** Every key path of a strings object ('employers.industries.it'); a text is a leaf. */
export function keyPaths(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object') return [prefix];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) =>
    keyPaths(v, prefix ? `${prefix}.${k}` : k),
  );
}

/** Keys one language has and the other lacks. */
export function keyDifference(zh: unknown, en: unknown): { onlyZh: string[]; onlyEn: string[] } {
  const zhKeys = new Set(keyPaths(zh));
  const enKeys = new Set(keyPaths(en));
  return {
    onlyZh: [...zhKeys].filter((k) => !enKeys.has(k)),
    onlyEn: [...enKeys].filter((k) => !zhKeys.has(k)),
  };
}
