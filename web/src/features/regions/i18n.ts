import { registerStrings } from '../../app/i18n';
import { regionsEn } from './strings.en';
import { regionsZh } from './strings.zh';

registerStrings({ regions: regionsZh }, { regions: regionsEn });
