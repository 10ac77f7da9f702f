export interface Person {
  id: string;
  name: string;
  phone: string | null;
  residentIdMasked: string | null;
  sex: 'male' | 'female' | null;
  birthDate: string | null;
  regionCode: string;
  regionName: string | null;
  occupation: string | null;
}
