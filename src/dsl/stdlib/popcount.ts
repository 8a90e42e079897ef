import type { Expr } from '../expr.js';
import { adderTree } from './adder-tree.js';

/** Number of set bits of x, through a balanced adder tree. */
export function popcount(x: Expr): Expr {
  const bits: Expr[] = [];
  for (let i = 0; i < x.width; i++) bits.push(x.bit(i));
  return adderTree(bits);
}
