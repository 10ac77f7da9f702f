import { registerStrings } from '../../../app/i18n';
import { settingsEn } from './strings.en';
import { settingsZh } from './strings.zh';

registerStrings({ disputes: { settings: settingsZh } }, { disputes: { settings: settingsEn } });
