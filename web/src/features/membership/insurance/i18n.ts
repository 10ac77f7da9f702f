import { registerStrings } from '../../../app/i18n';
import { membershipInsuranceEn } from './strings.en';
import { membershipInsuranceZh } from './strings.zh';

registerStrings({ membershipInsurance: membershipInsuranceZh }, { membershipInsurance: membershipInsuranceEn });
