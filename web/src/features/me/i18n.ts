import { registerStrings } from '../../app/i18n';
import { meEn } from './strings.en';
import { meZh } from './strings.zh';

registerStrings({ me: meZh }, { me: meEn });
