import { registerStrings } from '../../../app/i18n';
import { stationsMapEn } from './strings.en';
import { stationsMapZh } from './strings.zh';

registerStrings({ stationsMap: stationsMapZh }, { stationsMap: stationsMapEn });
