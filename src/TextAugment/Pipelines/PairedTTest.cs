namespace TextAugment.Pipelines;

/// <summary>
/// Student's paired t-test: the mean of the per-pair differences over its standard error, compared with
/// Student's t distribution on n − 1 degrees of freedom (Student 1908; the test scipy.stats.ttest_rel runs).
/// </summary>
/// <param name="Pairs">Number of pairs (seeds).</param>
/// <param name="MeanDifference">Mean of a − b.</param>
/// <param name="StandardError">Sample standard deviation of the differences over √n; null with one pair (undefined).</param>
/// <param name="T">MeanDifference / StandardError; null with fewer than two pairs, or when every difference is the same (no spread: no test possible).</param>
/// <param name="DegreesOfFreedom">n − 1.</param>
/// <param name="P">Two-sided p-value, or null when <paramref name="T"/> is null.</param>
public sealed record PairedTTest(int Pairs, double MeanDifference, double? StandardError, double? T, int DegreesOfFreedom, double? P)
{
    /// <summary>The threshold below which <see cref="Clear"/> calls an effect clear: 0.05.</summary>
    public const double Alpha = 0.05;

    /// <summary>True when the two-sided p-value is below <see cref="Alpha"/>.</summary>
    public bool Clear => P is double p && p < Alpha;

    /// <summary>Two or more pairs whose differences are all the same: the difference is exact for these seeds, and there is nothing to test it against.</summary>
    public bool Identical => Pairs >= 2 && StandardError == 0;

    /// <summary>Tests a against b, paired by index.</summary>
    /// <exception cref="ArgumentException">The lists differ in length or are empty.</exception>
    public static PairedTTest Of(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Count != b.Count || a.Count == 0)
        {
            throw new ArgumentException($"a paired test needs two equally long, non-empty lists; got {a.Count} and {b.Count} values.", nameof(b));
        }

        int n = a.Count;
        double[] d = [.. a.Zip(b, (x, y) => x - y)];
        double mean = d.Average();
        if (n < 2)
        {
            return new PairedTTest(n, mean, null, null, 0, null);
        }

        double variance = d.Sum(v => (v - mean) * (v - mean)) / (n - 1);
        double se = Math.Sqrt(variance / n);
        int df = n - 1;
        if (se == 0 || se <= 1e-12 * Math.Abs(mean))
        {
            // Every seed moved by the same amount (up to rounding: 0.9 − 0.8 and 0.8 − 0.7 differ in the last bit): no spread to measure the difference against, so no t and no p (scipy
            // gives t = ±inf, or nan for no difference; neither is a test).
            return new PairedTTest(n, mean, 0, null, df, null);
        }

        double t = mean / se;
        return new PairedTTest(n, mean, se, t, df, StudentT.TwoSidedP(t, df));
    }
}

/// <summary>Student's t distribution.</summary>
public static class StudentT
{
    /// <summary>
    /// P(|T| ≥ |t|) for T with <paramref name="degreesOfFreedom"/> degrees of freedom:
    /// I_x(ν/2, 1/2) with x = ν / (ν + t²) (Abramowitz and Stegun 26.7.1 with 26.5.27).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Degrees of freedom not positive.</exception>
    public static double TwoSidedP(double t, double degreesOfFreedom)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(degreesOfFreedom);
        if (double.IsInfinity(t))
        {
            return 0;
        }

        double x = degreesOfFreedom / (degreesOfFreedom + t * t);
        return SpecialFunctions.RegularizedIncompleteBeta(degreesOfFreedom / 2, 0.5, x);
    }
}

/// <summary>Log-gamma and the regularized incomplete beta function.</summary>
public static class SpecialFunctions
{
    // Lanczos (1964) coefficients for g = 7, n = 9 (the set Boost and many references list).
    private static readonly double[] Lanczos =
    [
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
        -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
    ];

    /// <summary>ln Γ(x) for x &gt; 0, by the Lanczos approximation (relative error about 1e-15).</summary>
    /// <exception cref="ArgumentOutOfRangeException">x not positive.</exception>
    public static double LogGamma(double x)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(x);
        if (x < 0.5)
        {
            // Reflection: Γ(x) Γ(1 − x) = π / sin(πx).
            return Math.Log(Math.PI / Math.Sin(Math.PI * x)) - LogGamma(1 - x);
        }

        x -= 1;
        double sum = Lanczos[0];
        for (int i = 1; i < Lanczos.Length; i++)
        {
            sum += Lanczos[i] / (x + i);
        }

        double t = x + 7.5;
        return 0.5 * Math.Log(2 * Math.PI) + (x + 0.5) * Math.Log(t) - t + Math.Log(sum);
    }

    /// <summary>
    /// I_x(a, b), the regularized incomplete beta function, by its continued fraction (Abramowitz and Stegun
    /// 26.5.8) evaluated with the modified Lentz method; the symmetry I_x(a, b) = 1 − I_{1−x}(b, a) keeps x on
    /// the side where the fraction converges fast.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">a or b not positive, or x outside [0, 1].</exception>
    public static double RegularizedIncompleteBeta(double a, double b, double x)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(a);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(b);
        if (x < 0 || x > 1 || double.IsNaN(x))
        {
            throw new ArgumentOutOfRangeException(nameof(x), x, "x must lie in [0, 1].");
        }

        if (x == 0 || x == 1)
        {
            return x;
        }

        double front = Math.Exp(LogGamma(a + b) - LogGamma(a) - LogGamma(b) + a * Math.Log(x) + b * Math.Log(1 - x));
        return x < (a + 1) / (a + b + 2)
            ? front * ContinuedFraction(a, b, x) / a
            : 1 - front * ContinuedFraction(b, a, 1 - x) / b;
    }

    private static double ContinuedFraction(double a, double b, double x)
    {
        const double tiny = 1e-300;
        const double epsilon = 1e-15;
        double c = 1;
        double d = 1 - (a + b) * x / (a + 1);
        d = Math.Abs(d) < tiny ? 1 / tiny : 1 / d;
        double h = d;
        for (int m = 1; m <= 1000; m++)
        {
            // Even step: d_{2m} = m (b − m) x / ((a + 2m − 1)(a + 2m)).
            double numerator = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m));
            d = 1 + numerator * d;
            c = 1 + numerator / c;
            d = Math.Abs(d) < tiny ? 1 / tiny : 1 / d;
            c = Math.Abs(c) < tiny ? tiny : c;
            h *= d * c;

            // Odd step: d_{2m+1} = −(a + m)(a + b + m) x / ((a + 2m)(a + 2m + 1)).
            numerator = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1));
            d = 1 + numerator * d;
            c = 1 + numerator / c;
            d = Math.Abs(d) < tiny ? 1 / tiny : 1 / d;
            c = Math.Abs(c) < tiny ? tiny : c;
            double step = d * c;
            h *= step;
            if (Math.Abs(step - 1) < epsilon)
            {
                return h;
            }
        }

        return h;
    }
}
