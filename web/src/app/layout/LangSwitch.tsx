import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { setLang } from '../i18n';

/** Toggles Chinese / English; the choice is kept in localStorage (yz_lang). */
export function LangSwitch() {
  const { t, i18n } = useTranslation();
  const next = i18n.language === 'en' ? 'zh' : 'en';
  return (
    <Button
      type="text"
      data-testid="lang-switch"
      lang={next === 'zh' ? 'zh-CN' : 'en'}
      onClick={() => void setLang(next)}
    >
      {t('layout.switchLang')}
    </Button>
  );
}
