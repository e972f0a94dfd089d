/**
 * The taxonomy as antd Cascader / Select options (major → minor), in the UI language. A new report chooses from the
 * latest version, a filing correction from its case's version; retired categories are not offered for either, but
 * stay in the filters (old cases carry them). Rebuilt when the reference data changes.
 */
import type { Language } from '../i18n/index.js';
import { referenceForCase, referenceData } from './reference.js';

export interface CategoryOption {
  value: string;
  label: string;
  children?: CategoryOption[];
}

const cache = new Map<string, { cascader: CategoryOption[]; majors: CategoryOption[] }>();
let builtFor: object | null = null;

function build(language: Language, refVersion: number | undefined) {
  const ref = refVersion === undefined ? referenceData() : referenceForCase({ refVersion });
  if (builtFor !== referenceData()) {
    // A new snapshot (sign-in, an administrator's change): every cached list is stale.
    cache.clear();
    builtFor = referenceData();
  }
  const key = `${language}|${ref.version ?? 1}`;
  let built = cache.get(key);
  if (!built) {
    const name = (item: { zh: string; en: string }) => (language === 'en' ? item.en : item.zh);
    const open = ref.taxonomy.categories
      .filter((major) => !major.retired)
      .map((major) => ({
        value: major.code,
        label: name(major),
        children: major.minors
          .filter((minor) => !minor.retired)
          .map((minor) => ({ value: minor.code, label: name(minor) })),
      }));
    const majors = ref.taxonomy.categories.map((major) => ({ value: major.code, label: name(major) }));
    built = { cascader: open, majors };
    cache.set(key, built);
  }
  return built;
}

/** Categories a report or a filing may choose: the latest version's, or the case's (`refVersion`), not retired. */
export function categoryOptions(language: Language, refVersion?: number): CategoryOption[] {
  return build(language, refVersion).cascader;
}

/** Every major of the latest version, retired ones too: filters reach old cases. */
export function majorOptions(language: Language): CategoryOption[] {
  return build(language, undefined).majors;
}
