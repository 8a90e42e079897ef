// Baseline for the QoR table: the minifloat product written the straightforward behavioural way.
// Decode each operand to sign, exponent and significand; multiply the significands with `*`;
// shift the product left by the exponent sum with `<<`; negate the wide word with `-`.
// Same function as minifloat.mul (formats.md §6): word in units of 2^(2·emin − Ma − Mb), 0 for NaN/Inf.
// POL: 0 finite, 1 fn (all-ones code is NaN), 2 ieee (all-ones exponent is Inf/NaN).
module mf_mul_baseline #(
  parameter EA = 4, MA = 3, POLA = 1,
  parameter EB = 4, MB = 3, POLB = 1,
  parameter W = 37
) (
  input  wire [EA+MA:0] a,
  input  wire [EB+MB:0] b,
  output wire [W-1:0]   p,
  output wire           nan,
  output wire           pinf,
  output wire           ninf
);
  wire          sa = a[EA+MA],      sb = b[EB+MB];
  wire [EA-1:0] ea = a[EA+MA-1:MA], eb = b[EB+MB-1:MB];
  wire [MA-1:0] ma = a[MA-1:0];
  wire [MB-1:0] mb = b[MB-1:0];

  // Subnormals: hidden bit 0, exponent as if 1.
  wire [MA:0]   siga = {ea != 0, ma};
  wire [MB:0]   sigb = {eb != 0, mb};
  wire [EA-1:0] expa = (ea == 0) ? 1 : ea;
  wire [EB-1:0] expb = (eb == 0) ? 1 : eb;

  wire a_nan = (POLA == 1) ? (&ea && &ma) : (POLA == 2) ? (&ea && |ma) : 1'b0;
  wire b_nan = (POLB == 1) ? (&eb && &mb) : (POLB == 2) ? (&eb && |mb) : 1'b0;
  wire a_inf = (POLA == 2) && &ea && !(|ma);
  wire b_inf = (POLB == 2) && &eb && !(|mb);

  wire [MA+MB+1:0] mag   = siga * sigb;
  wire [W-1:0]     shift = expa + expb - 2;
  wire [W-1:0]     word  = mag << shift;
  wire             neg   = sa ^ sb;

  assign nan  = a_nan | b_nan | (a_inf && sigb == 0) | (b_inf && siga == 0);
  assign pinf = !nan && (a_inf | b_inf) && !neg;
  assign ninf = !nan && (a_inf | b_inf) && neg;
  assign p    = (a_nan | b_nan | a_inf | b_inf) ? {W{1'b0}} : (neg ? -word : word);
endmodule
