import { registerStrings } from '../../app/i18n';
import { employersEn } from './strings.en';
import { employersZh } from './strings.zh';

registerStrings({ employers: employersZh }, { employers: employersEn });
