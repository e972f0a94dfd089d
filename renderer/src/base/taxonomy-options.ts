/** The taxonomy as antd Cascader / Select options (major → minor), in the UI language; built once per language. */
import type { Language } from '../i18n/index.js';
import { referenceData } from './reference.js';

export interface CategoryOption {
  value: string;
  label: string;
  children?: CategoryOption[];
}

const cache = new Map<Language, { cascader: CategoryOption[]; majors: CategoryOption[] }>();

function build(language: Language) {
  let built = cache.get(language);
  if (!built) {
    const name = (item: { zh: string; en: string }) => (language === 'en' ? item.en : item.zh);
    const cascader = referenceData().taxonomy.categories.map((major) => ({
      value: major.code,
      label: name(major),
      children: major.minors.map((minor) => ({ value: minor.code, label: name(minor) })),
    }));
    built = { cascader, majors: cascader.map(({ value, label }) => ({ value, label })) };
    cache.set(language, built);
  }
  return built;
}

export function categoryOptions(language: Language): CategoryOption[] {
  return build(language).cascader;
}

export function majorOptions(language: Language): CategoryOption[] {
  return build(language).majors;
}
