import fc from 'fast-check';

// Shrinking a random network through finite differences can take many minutes; a failure still
// prints its seed and path, which replay it exactly.
fc.configureGlobal({ endOnFailure: true });
