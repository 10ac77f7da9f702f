import type { ThemeConfig } from 'antd';

/** Links and the keyboard focus ring: a blue that reads on white and on the grey page (WCAG 4.5:1). */
export const FOCUS_BLUE = '#0958d9';

/**
 * Focused fields take a blue border and glow: the brand red is the colour of a field in error, so a
 * red focus would read as one.
 */
const focusedField = {
  activeBorderColor: FOCUS_BLUE,
  hoverBorderColor: '#4096ff',
  activeShadow: '0 0 0 2px rgba(9, 88, 217, 0.2)',
};

/**
 * The app's antd theme. Grey texts are darker than antd's defaults, so that secondary text,
 * description labels and placeholders keep a contrast of at least 4.5:1 on white and on #f5f5f5.
 */
export const THEME: ThemeConfig = {
  zeroRuntime: true,
  token: {
    colorPrimary: '#c62828',
    colorLink: FOCUS_BLUE,
    // antd's #ff4d4f reads at 3.3:1 on white (danger buttons, error messages).
    colorError: '#cf1322',
    borderRadius: 6,
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
  },
  components: {
    Input: focusedField,
    InputNumber: focusedField,
    DatePicker: focusedField,
    Mentions: focusedField,
    // Also the cascader's and the tree select's, which are drawn as selects.
    Select: { ...focusedField, activeOutlineColor: 'rgba(9, 88, 217, 0.2)' },
  },
};
