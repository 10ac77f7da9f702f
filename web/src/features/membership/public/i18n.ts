import { registerStrings } from '../../../app/i18n';
import { membershipPublicEn } from './strings.en';
import { membershipPublicZh } from './strings.zh';

registerStrings({ membershipPublic: membershipPublicZh }, { membershipPublic: membershipPublicEn });
