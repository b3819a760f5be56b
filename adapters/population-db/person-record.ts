/** A person as the hub sees them, read from CSDLQG về dân cư; field names in English. */

export type Sex = 'MALE' | 'FEMALE';

/** An address in current administrative units: commune or ward (xã/phường) and province (tỉnh/thành phố). */
export interface Address {
  /** House number and street, hamlet or village (số nhà, đường phố, thôn/ấp); null when not recorded. */
  street: string | null;
  /** Commune, ward or special zone (xã, phường, đặc khu). */
  commune: string;
  /** Province or centrally run city (tỉnh, thành phố trực thuộc trung ương). */
  province: string;
  /** The whole address as one line. */
  full: string;
}

export interface PersonRecord {
  /** 12-digit personal identification number (số định danh cá nhân). */
  personalId: string;
  /** Family, middle and given names (họ, chữ đệm và tên). */
  fullName: string;
  /** Date of birth exactly as the source sent it (xsd:date text, normally `YYYY-MM-DD`). */
  dateOfBirth: string;
  sex: Sex;
  /** Ethnic group (dân tộc), e.g. `Kinh`. */
  ethnicity: string | null;
  /** Nationality (quốc tịch), e.g. `Việt Nam`. */
  nationality: string | null;
  /** Place of origin (quê quán) as one line. */
  hometown: string | null;
  /** Permanent residence (nơi thường trú). */
  permanentAddress: Address | null;
  /** Current residence (nơi ở hiện tại). */
  currentAddress: Address | null;
}

/** `street, commune, province`, leaving out what is missing. */
export const formatAddress = (parts: { street?: string | null; commune: string; province: string }): string =>
  [parts.street, parts.commune, parts.province].filter((p) => p !== undefined && p !== null && p !== '').join(', ');

export const address = (street: string | null, commune: string, province: string): Address => ({
  street,
  commune,
  province,
  full: formatAddress({ street, commune, province }),
});
