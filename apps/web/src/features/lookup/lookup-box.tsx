import { PhoneOutlined } from '@ant-design/icons';
import { Input, Tooltip } from 'antd';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { lazyNamed } from '../../ui/lazy-named';

// the drawer (tables, tabs…) is fetched on the first lookup, not with every page load
const LookupDrawer = lazyNamed(() => import('./lookup-drawer'), 'LookupDrawer');

/** The caller lookup in the header: type or paste the number that is ringing, press Enter. */
export function LookupBox() {
  const { t } = useTranslation();
  const [value, setValue] = useState('');
  const [phone, setPhone] = useState<string | null>(null);
  const [tooShort, setTooShort] = useState(false);

  const submit = () => {
    const trimmed = value.trim();
    if (trimmed.replace(/\D/g, '').length < 3) {
      setTooShort(true);
      return;
    }
    setTooShort(false);
    setPhone(trimmed);
  };

  return (
    <>
      <Tooltip title={tooShort ? t('lookup.tooShort') : null} open={tooShort} placement="bottomLeft">
        <Input
          prefix={<PhoneOutlined style={{ color: '#94a3b8' }} />}
          placeholder={t('lookup.placeholder')}
          value={value}
          onChange={(e) => {
            setValue(e.target.value);
            setTooShort(false);
          }}
          onPressEnter={submit}
          allowClear
          inputMode="tel"
          aria-label={t('lookup.label')}
          style={{ width: 300, minWidth: 0, flexShrink: 1 }}
          status={tooShort ? 'warning' : undefined}
        />
      </Tooltip>
      {phone !== null && (
        <Suspense fallback={null}>
          <LookupDrawer phone={phone} onClose={() => setPhone(null)} />
        </Suspense>
      )}
    </>
  );
}
