import type { Rule } from 'antd/es/form';
import { useTranslation } from 'react-i18next';

/**
 * The form rules most fields need, worded by their label key: typed text required (blank is not text), a choice
 * required, at most n characters. One wording for every form, in the reader's language.
 */
export function useFormRules() {
  const { t } = useTranslation();
  return {
    required: (labelKey: string): Rule => ({
      required: true,
      whitespace: true,
      message: t('validation.required', { field: t(labelKey) }),
    }),
    choose: (labelKey: string): Rule => ({
      required: true,
      message: t('validation.choose', { field: t(labelKey) }),
    }),
    max: (labelKey: string, n: number): Rule => ({
      max: n,
      message: t('validation.maxLength', { field: t(labelKey), max: n }),
    }),
  };
}
