/**
 * Common places for the public calculator, which cannot use the regions API (it needs a
 * sign-in). Codes are GB/T 2260; any other 6-digit code can be typed in.
 */
export interface City {
  code: string;
  zh: string;
  en: string;
  /** Province, to group the list. */
  provinceZh: string;
  provinceEn: string;
}

export const COMMON_CITIES: readonly City[] = [
  { code: '442000', zh: '中山市', en: 'Zhongshan', provinceZh: '广东', provinceEn: 'Guangdong' },
  { code: '440100', zh: '广州市', en: 'Guangzhou', provinceZh: '广东', provinceEn: 'Guangdong' },
  { code: '440300', zh: '深圳市', en: 'Shenzhen', provinceZh: '广东', provinceEn: 'Guangdong' },
  { code: '441900', zh: '东莞市', en: 'Dongguan', provinceZh: '广东', provinceEn: 'Guangdong' },
  { code: '440600', zh: '佛山市', en: 'Foshan', provinceZh: '广东', provinceEn: 'Guangdong' },
  { code: '310000', zh: '上海市', en: 'Shanghai', provinceZh: '上海', provinceEn: 'Shanghai' },
  { code: '110000', zh: '北京市', en: 'Beijing', provinceZh: '北京', provinceEn: 'Beijing' },
  { code: '320100', zh: '南京市', en: 'Nanjing', provinceZh: '江苏', provinceEn: 'Jiangsu' },
  { code: '320500', zh: '苏州市', en: 'Suzhou', provinceZh: '江苏', provinceEn: 'Jiangsu' },
  { code: '330100', zh: '杭州市', en: 'Hangzhou', provinceZh: '浙江', provinceEn: 'Zhejiang' },
  { code: '330500', zh: '湖州市', en: 'Huzhou', provinceZh: '浙江', provinceEn: 'Zhejiang' },
  { code: '330521', zh: '湖州市德清县', en: 'Deqing County, Huzhou', provinceZh: '浙江', provinceEn: 'Zhejiang' },
  { code: '340100', zh: '合肥市', en: 'Hefei', provinceZh: '安徽', provinceEn: 'Anhui' },
  { code: '361100', zh: '上饶市', en: 'Shangrao', provinceZh: '江西', provinceEn: 'Jiangxi' },
  { code: '130100', zh: '石家庄市', en: 'Shijiazhuang', provinceZh: '河北', provinceEn: 'Hebei' },
  { code: '632801', zh: '格尔木市', en: 'Golmud', provinceZh: '青海', provinceEn: 'Qinghai' },
  { code: '420100', zh: '武汉市', en: 'Wuhan', provinceZh: '湖北', provinceEn: 'Hubei' },
  { code: '510100', zh: '成都市', en: 'Chengdu', provinceZh: '四川', provinceEn: 'Sichuan' },
];

export function cityByCode(code: string | null | undefined): City | undefined {
  return code ? COMMON_CITIES.find((c) => c.code === code) : undefined;
}

/** "中山市（广东）" / "Zhongshan, Guangdong". */
export function cityLabel(city: City, en: boolean): string {
  if (en) return city.provinceEn === city.en ? city.en : `${city.en}, ${city.provinceEn}`;
  return city.provinceZh === city.zh.replace(/市$/, '') ? city.zh : `${city.zh}（${city.provinceZh}）`;
}
