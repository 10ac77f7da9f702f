import { registerStrings } from '../../app/i18n';
import { stationsEn } from './strings.en';
import { stationsZh } from './strings.zh';

registerStrings({ stations: stationsZh }, { stations: stationsEn });
