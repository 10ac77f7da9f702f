import { registerStrings } from '../../app/i18n';
import { courtsEn } from './strings.en';
import { courtsZh } from './strings.zh';

registerStrings({ courts: courtsZh }, { courts: courtsEn });
