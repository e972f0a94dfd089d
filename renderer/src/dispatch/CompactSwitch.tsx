/** The board's card size: full cards, or compact ones so a big screen shows more of each column (remembered). */
import { Segmented, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDisplayPrefs } from '../base/display-prefs.js';

export function CompactSwitch() {
  const { t } = useTranslation(['dispatch']);
  const compact = useDisplayPrefs((s) => s.compactBoard);
  return (
    <Tooltip title={t('dispatch:board.density.hint')}>
      <Segmented<'full' | 'compact'>
        value={compact ? 'compact' : 'full'}
        onChange={(value) => useDisplayPrefs.getState().set({ compactBoard: value === 'compact' })}
        data-testid="board-density"
        options={[
          { value: 'full', label: <span data-testid="density-full">{t('dispatch:board.density.full')}</span> },
          {
            value: 'compact',
            label: <span data-testid="density-compact">{t('dispatch:board.density.compact')}</span>,
          },
        ]}
      />
    </Tooltip>
  );
}
