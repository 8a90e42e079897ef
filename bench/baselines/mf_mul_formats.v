// The behavioural baseline (mf_mul_baseline.v) at the five formats of the QoR table, with exactly the
// ports minifloat.mul has there (--out fixed): what `bitforge equiv --against` proves it against, e.g.
//   bitforge equiv minifloat.mul --a e4m3 --b e4m3 --against bench/baselines/mf_mul_baseline.v,bench/baselines/mf_mul_formats.v:mf_mul_e4m3
// Formats without NaN (finite) have no nan output; without infinities, no pinf/ninf.
module mf_mul_e2m1 (input wire [3:0] a, input wire [3:0] b, output wire signed [8:0] p);
  wire nan, pinf, ninf;
  mf_mul_baseline #(.EA(2), .MA(1), .POLA(0), .EB(2), .MB(1), .POLB(0), .W(9)) u (.a(a), .b(b), .p(p), .nan(nan), .pinf(pinf), .ninf(ninf));
endmodule

module mf_mul_e2m3 (input wire [5:0] a, input wire [5:0] b, output wire signed [12:0] p);
  wire nan, pinf, ninf;
  mf_mul_baseline #(.EA(2), .MA(3), .POLA(0), .EB(2), .MB(3), .POLB(0), .W(13)) u (.a(a), .b(b), .p(p), .nan(nan), .pinf(pinf), .ninf(ninf));
endmodule

module mf_mul_e3m2 (input wire [5:0] a, input wire [5:0] b, output wire signed [18:0] p);
  wire nan, pinf, ninf;
  mf_mul_baseline #(.EA(3), .MA(2), .POLA(0), .EB(3), .MB(2), .POLB(0), .W(19)) u (.a(a), .b(b), .p(p), .nan(nan), .pinf(pinf), .ninf(ninf));
endmodule

module mf_mul_e4m3 (input wire [7:0] a, input wire [7:0] b, output wire signed [36:0] p, output wire nan);
  wire pinf, ninf;
  mf_mul_baseline #(.EA(4), .MA(3), .POLA(1), .EB(4), .MB(3), .POLB(1), .W(37)) u (.a(a), .b(b), .p(p), .nan(nan), .pinf(pinf), .ninf(ninf));
endmodule

module mf_mul_e5m2 (input wire [7:0] a, input wire [7:0] b, output wire signed [64:0] p, output wire nan, output wire pinf, output wire ninf);
  mf_mul_baseline #(.EA(5), .MA(2), .POLA(2), .EB(5), .MB(2), .POLB(2), .W(65)) u (.a(a), .b(b), .p(p), .nan(nan), .pinf(pinf), .ninf(ninf));
endmodule
