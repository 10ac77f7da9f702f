import { registerStrings } from '../../app/i18n';
import { authEn } from './strings.en';
import { authZh } from './strings.zh';

registerStrings({ auth: authZh }, { auth: authEn });
