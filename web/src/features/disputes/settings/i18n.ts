import { registerStrings } from '../../../app/i18n';
// The settings use words of the disputes pages too (the amount's unit), also when opened first.
import '../i18n';
import { settingsEn } from './strings.en';
import { settingsZh } from './strings.zh';

registerStrings({ disputes: { settings: settingsZh } }, { disputes: { settings: settingsEn } });
