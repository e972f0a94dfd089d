/** One button that toggles zh-CN ⇄ English; it names the language it switches to, as people look for their own. */
import { GlobalOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { setLanguage } from './index.js';
import { useLanguage } from './use-language.js';

export function LanguageSwitch({ type = 'text' }: { type?: 'text' | 'default' }) {
  const { t } = useTranslation(['shell']);
  const language = useLanguage();
  return (
    <Tooltip title={t('shell:header.switchLanguageTitle')}>
      <Button
        type={type}
        icon={<GlobalOutlined />}
        data-testid="lang-switch"
        lang={language === 'en' ? 'zh-CN' : 'en'}
        onClick={() => void setLanguage(language === 'en' ? 'zh-CN' : 'en')}
      >
        {t('shell:header.switchLanguage')}
      </Button>
    </Tooltip>
  );
}
