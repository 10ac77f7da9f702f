import { registerStrings } from '../../app/i18n';
import { feeRefundsEn } from './strings.en';
import { feeRefundsZh } from './strings.zh';

registerStrings({ feeRefunds: feeRefundsZh }, { feeRefunds: feeRefundsEn });
