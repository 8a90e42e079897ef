// The LUT fabric an arithmetic structure is built for. Where the cheapest structure differs between
// LUT4 parts with a carry per LUT (iCE40, ECP5, Gowin) and LUT6 parts with CARRY4 (7-series), a
// generator takes this as a parameter; synthesis fills it in from the target (synth/targets.ts).

export const FABRICS = ['lut4', 'lut6'] as const;
export type Fabric = (typeof FABRICS)[number];
