// Baseline for the QoR table: int.mac written the straightforward behavioural way, with the same
// interface and timing (product registered `STAGES` times, then the accumulator).
module int_mac_baseline #(
  parameter A = 8, B = 8, W = 27, STAGES = 1
) (
  input  wire                clk,
  input  wire                rst,
  input  wire                in_valid,
  input  wire                clear,
  input  wire signed [A-1:0] a,
  input  wire signed [B-1:0] b,
  output reg                 out_valid,
  output reg  signed [W-1:0] acc
);
  reg signed [A+B-1:0] prod [0:STAGES-1];
  reg                  v    [0:STAGES-1];
  reg                  c    [0:STAGES-1];
  integer i;
  always @(posedge clk) begin
    prod[0] <= a * b;
    c[0]    <= clear;
    v[0]    <= rst ? 1'b0 : in_valid;
    for (i = 1; i < STAGES; i = i + 1) begin
      prod[i] <= prod[i-1];
      c[i]    <= c[i-1];
      v[i]    <= rst ? 1'b0 : v[i-1];
    end
    if (rst) acc <= 0;
    else if (v[STAGES-1]) acc <= (c[STAGES-1] ? 0 : acc) + prod[STAGES-1];
    out_valid <= rst ? 1'b0 : v[STAGES-1];
  end
endmodule
