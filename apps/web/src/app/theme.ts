import type { ThemeConfig } from 'antd';

export const theme: ThemeConfig = {
  // components take their styles from Ant Design's prebuilt stylesheet (imported in main.tsx) instead of
  // generating them in the browser as they first render, the largest part of opening a page; the tokens
  // below still apply, as CSS variables
  zeroRuntime: true,
  token: {
    colorPrimary: '#1d4ed8',
    colorInfo: '#1d4ed8',
    borderRadius: 6,
    colorBgLayout: '#f4f6fa',
    fontSize: 14,
  },
  components: {
    Layout: { headerBg: '#ffffff', siderBg: '#ffffff', headerHeight: 56 },
    Menu: { itemHeight: 38, groupTitleColor: '#64748b', itemSelectedBg: '#e8eefc' },
    Table: { headerBg: '#f8fafc', rowHoverBg: '#f5f8ff' },
    Card: { headerFontSize: 15 },
  },
};
