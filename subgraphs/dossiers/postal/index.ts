/** Return of results by post through the carrier adapter, and the live tracking of the parcel. */
export { PostalReturnResolver } from './postal.resolver';
export { PostalDelivery, PostalDeliveryEvent } from './postal.types';
export { returnResultByPost, type PostalServices, type ReturnByPostRequest } from './return-by-post';
