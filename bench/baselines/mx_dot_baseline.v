// Baseline for the MX bench: mx.dot written the straightforward behavioural way. Per lane, decode
// both elements, multiply the significands with `*` and shift the product left by the exponent sum
// with `<<`; add the lanes in a loop; then find the leading one with a loop, shift with `>>`/`<<`
// and round to nearest even into float32. Same function as mx.dot (formats.md §4) with
// stages = 0, treeStages = 0: one output register. Elements of A and B share one format.
// POL: 0 finite, 1 fn (all-ones code is NaN), 2 ieee (all-ones exponent is Inf/NaN). INT: MX INT8.
module mx_dot_baseline #(
  parameter K = 32, E = 4, M = 3, POL = 1, INT = 0,
  parameter W = 48,     // signed width of the exact sum
  parameter LSB = -18   // weight of the sum's LSB is 2^LSB
) (
  input  wire             clk,
  input  wire             rst,
  input  wire             in_valid,
  input  wire [7:0]       sa,
  input  wire [7:0]       sb,
  input  wire [K*N-1:0]   a,
  input  wire [K*N-1:0]   b,
  output reg              out_valid,
  output reg  [31:0]      c
);
  localparam N = INT ? 8 : 1 + E + M;
  localparam WR = W < 48 ? 48 : W; // room for a float32 significand and its rounding carry
  integer i;
  reg [N-1:0] x, y;
  reg [E-1:0] ex, ey;
  reg [M:0] gx, gy;
  reg xn, yn, xi, yi;
  reg signed [W-1:0] sum, term;
  reg [WR-1:0] mag, kept, rest;
  reg nan, pinf, ninf, neg, up;
  integer lead, e, sh, biased;
  reg [31:0] result;

  always @* begin
    sum = 0; nan = (sa == 8'hff) || (sb == 8'hff); pinf = 0; ninf = 0;
    for (i = 0; i < K; i = i + 1) begin
      x = a[i*N +: N]; y = b[i*N +: N];
      if (INT) begin
        term = $signed(x) * $signed(y);
      end else begin
        ex = x[E+M-1:M]; ey = y[E+M-1:M];
        gx = {ex != 0, x[M-1:0]}; gy = {ey != 0, y[M-1:0]};
        xn = (POL == 1) ? (&ex && &x[M-1:0]) : (POL == 2) ? (&ex && |x[M-1:0]) : 1'b0;
        yn = (POL == 1) ? (&ey && &y[M-1:0]) : (POL == 2) ? (&ey && |y[M-1:0]) : 1'b0;
        xi = (POL == 2) && &ex && !(|x[M-1:0]);
        yi = (POL == 2) && &ey && !(|y[M-1:0]);
        if (xn || yn || (xi && gy == 0) || (yi && gx == 0)) nan = 1;
        else if (xi || yi) begin
          if (x[E+M] ^ y[E+M]) ninf = 1; else pinf = 1;
        end
        term = (gx * gy) << ((ex == 0 ? 1 : ex) + (ey == 0 ? 1 : ey) - 2);
        if (xn || yn || xi || yi) term = 0;
        if (x[E+M] ^ y[E+M]) term = -term;
      end
      sum = sum + term;
    end
    // Normalize and round once to float32 (RNE), subnormals and overflow included.
    neg = sum < 0;
    mag = neg ? -sum : sum; // zero-extended to WR bits
    lead = 0;
    for (i = 0; i < WR; i = i + 1) if (mag[i]) lead = i;
    e = lead + LSB + sa + sb - 254;
    sh = (e >= -126) ? lead - 23 : lead - 23 + (-126 - e);
    if (sh <= 0) begin
      kept = mag << (-sh); up = 0;
    end else begin
      kept = mag >> sh;
      rest = mag << (WR - sh);  // the dropped bits, at the top
      up = rest[WR-1] && ((rest << 1) != 0 || kept[0]);
    end
    kept = kept + up;
    if (e >= -126) begin
      biased = e + 127 + (kept >> 24);
      result = (biased >= 255) ? {neg, 8'hff, 23'd0} : {neg, biased[7:0], kept[24] ? kept[23:1] : kept[22:0]};
    end else begin
      result = {neg, 7'd0, kept[23:0]}; // a subnormal, or the smallest normal after rounding up
    end
    if (mag == 0) result = 32'd0;
    if (pinf && ninf) nan = 1;
    if (pinf) result = 32'h7f800000;
    if (ninf) result = 32'hff800000;
    if (nan) result = 32'h7fc00000;
  end

  always @(posedge clk) begin
    c <= result;
    out_valid <= rst ? 1'b0 : in_valid;
  end
endmodule
