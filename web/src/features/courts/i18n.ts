import { registerStrings } from '../../app/i18n';

registerStrings(
  {
    courts: {
      title: '法院',
      name: '名称',
      code: '法院代码',
      level: '层级',
      region: '所在地区',
      address: '地址',
      levels: { basic: '基层', intermediate: '中级', high: '高级' },
    },
  },
  {
    courts: {
      title: 'Courts',
      name: 'Name',
      code: 'Court code',
      level: 'Level',
      region: 'Region',
      address: 'Address',
      levels: { basic: 'Basic', intermediate: 'Intermediate', high: 'High' },
    },
  },
);
