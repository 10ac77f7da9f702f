import { registerStrings } from '../../app/i18n';
import { laborLawEn } from './strings.en';
import { laborLawZh } from './strings.zh';

registerStrings(laborLawZh, laborLawEn);
