import { useTranslation } from 'react-i18next';

/** Sex and birth date as read from the resident ID ("男 · 1992-05-03"); a dash for what is not known. */
export function SexAndBirth({ sex, birthDate }: { sex: 'male' | 'female' | null; birthDate: string | null }) {
  const { t } = useTranslation();
  const none = t('common.none');
  return (
    <span>
      {sex ? t(`membership.sexes.${sex}`) : none} · {birthDate ?? none}
    </span>
  );
}
