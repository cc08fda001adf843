// Resolution: the one core module that turns values (userName, email, externalId, id, group name)
// into exactly one resource each, for `find`, deactivation targets, the IdP comparison and the
// member picker. See resolver.ts for the rules; listing-cache.ts for the per-session listing.

export { resolveValues, type ResolveOptions } from './resolver';
export { listingCacheFor, type CachedListing, type ListingCache } from './listing-cache';
export { matchedFields, matchKey, identityOf, candidateOf, type Identity } from './match';
export { formsFor, type LookupForm } from './forms';
