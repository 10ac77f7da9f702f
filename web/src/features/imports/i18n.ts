import { registerStrings } from '../../app/i18n';
import { importsEn } from './strings.en';
import { importsZh } from './strings.zh';

registerStrings({ imports: importsZh }, { imports: importsEn });
