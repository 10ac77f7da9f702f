import { registerStrings } from '../../../app/i18n';
import { stationsPublicEn } from './strings.en';
import { stationsPublicZh } from './strings.zh';

registerStrings({ stationsPublic: stationsPublicZh }, { stationsPublic: stationsPublicEn });
