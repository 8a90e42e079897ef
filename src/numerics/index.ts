// bitforge/numerics: the golden number-format library (formats.md), bit-exact.
export { parseFormat, floatFormat, emax, emin, maxFinite, NAMED_FORMATS, FormatError, type Format, type FloatFormat, type IntFormat, type SpecialsPolicy } from './format.js';
export { decode, decodeToNumber, decodeBatch, type Decoded } from './decode.js';
export { Encoder, encode, encodeBatch, type Encoded } from './encode.js';
export { ROUNDING_MODES, FLAG_INEXACT, FLAG_OVERFLOW, FLAG_UNDERFLOW, FLAG_INVALID, flagNames, type RoundingMode, type EncodeOptions } from './rounding.js';
export { mxQuantizeBlock, mxQuantizeBatch, mxDequantizeBlock, sharedExponent, elemMax, SCALE_RULES, MX_NAN_SCALE, MX_FLAG_NAN_BLOCK, type MxBlock, type MxOptions, type ScaleRule } from './mx.js';
export { mxDot, mxDotExact, mxDotGeneral, type MxOperand } from './mx-dot.js';
export { mfAdd, mfMul, mfProduct, productFixed, kulischLsb, kulischWidth, intAccWidth, MacModel, type AccSpec } from './minifloat.js';
export { fromCode, roundTo, type Dyadic } from './dyadic.js';
export { nvfp4Quantize, nvfp4QuantizeBlock, nvfp4Dequantize, nvfp4Dot, nvfp4DotExact, nvfp4TensorScale, NVFP4_NAN_SCALE, type Nvfp4Block, type Nvfp4Operand, type Nvfp4Tensor, type Nvfp4Options } from './nvfp4.js';
