import { registerStrings } from '../../app/i18n';
import { auditEn } from './strings.en';
import { auditZh } from './strings.zh';

registerStrings({ audit: auditZh }, { audit: auditEn });
