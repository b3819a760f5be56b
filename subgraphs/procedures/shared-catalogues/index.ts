/** Shared catalogues (danh mục dùng chung): administrative units, agencies, fields. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const SHARED_CATALOGUE_RESOLVERS: Function[] = [];

/** Loads the shipped catalogues (idempotent). */
export async function seedSharedCatalogues(): Promise<void> {}
