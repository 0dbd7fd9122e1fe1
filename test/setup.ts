import fc from 'fast-check';

// Shrinking a random network through finite differences can take many minutes; a failure still
// prints its seed and path, which replay it exactly.
// In CI the seed is pinned so that a landing is reproducible; elsewhere every run explores new
// cases. FC_SEED replays a reported failure anywhere.
const pinned = process.env.FC_SEED ?? (process.env.CI ? '20261130' : undefined);
fc.configureGlobal({ endOnFailure: true, ...(pinned !== undefined ? { seed: Number(pinned) } : {}) });

// Tests speak English unless they ask for another language: the machine's locale must not choose it.
for (const variable of ['LC_ALL', 'LC_MESSAGES', 'LANG']) delete process.env[variable];
