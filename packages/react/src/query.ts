// No "use client" in this entry's build: a server component calls these to prefetch.
export {
  changesQueryOptions,
  membersQueryOptions,
  quoteQueryOptions,
  seatsKeys,
  summaryQueryOptions,
} from './seats-query-options';
