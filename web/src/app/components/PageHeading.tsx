import { Typography, theme } from 'antd';
import type { ComponentProps } from 'react';

type TitleProps = Omit<ComponentProps<typeof Typography.Title>, 'level'>;

/**
 * The page's one level-one heading, drawn at the size of a smaller one (`look`), so that every
 * page has its h1 for screen readers and keeps the look it had.
 */
export function PageHeading({ look = 4, style, ...rest }: TitleProps & { look?: 2 | 3 | 4 | 5 }) {
  const { token } = theme.useToken();
  const size = {
    2: [token.fontSizeHeading2, token.lineHeightHeading2],
    3: [token.fontSizeHeading3, token.lineHeightHeading3],
    4: [token.fontSizeHeading4, token.lineHeightHeading4],
    5: [token.fontSizeHeading5, token.lineHeightHeading5],
  }[look];
  return <Typography.Title level={1} style={{ fontSize: size[0], lineHeight: size[1], ...style }} {...rest} />;
}
