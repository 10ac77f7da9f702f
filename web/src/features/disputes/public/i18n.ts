import { registerStrings } from '../../../app/i18n';
import '../i18n';
import { disputesPublicEn } from './strings.en';
import { disputesPublicZh } from './strings.zh';

registerStrings({ disputesPublic: disputesPublicZh }, { disputesPublic: disputesPublicEn });
