/** Upper regularised incomplete gamma Q(s, x): the p-value of a chi-square statistic x with 2s degrees of freedom. */
export function gammaQ(s: number, x: number): number {
  const lnGamma = (z: number): number => {
    const g = [676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
    let a = 0.99999999999980993;
    z -= 1;
    g.forEach((c, i) => (a += c / (z + i + 1)));
    const t = z + g.length - 0.5;
    return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
  };
  if (x < s + 1) {
    // Series for P, then Q = 1 - P.
    let sum = 1 / s, term = sum;
    for (let n = 1; n < 1000; n++) { term *= x / (s + n); sum += term; if (term < sum * 1e-15) break; }
    return 1 - sum * Math.exp(-x + s * Math.log(x) - lnGamma(s));
  }
  // Continued fraction for Q (Lentz).
  let b = x + 1 - s, c = 1e300, d = 1 / b, h = d;
  for (let i = 1; i < 1000; i++) {
    const an = -i * (i - s);
    b += 2;
    d = an * d + b; d = Math.abs(d) < 1e-300 ? 1e-300 : d;
    c = b + an / c; c = Math.abs(c) < 1e-300 ? 1e-300 : c;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-15) break;
  }
  return Math.exp(-x + s * Math.log(x) - lnGamma(s)) * h;
}

/** Chi-square statistic and p-value of observed counts against a uniform distribution. */
export function chiSquareUniform(counts: number[]): { chi2: number; p: number } {
  const total = counts.reduce((a, b) => a + b, 0);
  const expected = total / counts.length;
  const chi2 = counts.reduce((a, o) => a + (o - expected) ** 2 / expected, 0);
  return { chi2, p: gammaQ((counts.length - 1) / 2, chi2 / 2) };
}
