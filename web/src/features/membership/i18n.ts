import { registerStrings } from '../../app/i18n';
import { membershipEn } from './strings.en';
import { membershipZh } from './strings.zh';

registerStrings({ membership: membershipZh }, { membership: membershipEn });
