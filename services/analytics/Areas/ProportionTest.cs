namespace Repitbot.Analytics.Areas;

/// <summary>
/// Two-proportion z-test of a variant (b) against the control (a): z with the pooled standard error,
/// two-sided p-value, and the 95 % confidence interval of the difference b − a (unpooled error), in
/// percentage points.
/// </summary>
public sealed record ProportionTest(double DifferencePoints, double Z, double PValue, double CiLowPoints, double CiHighPoints,
    bool Significant)
{
    private const double Z95 = 1.959963984540054;

    public static ProportionTest? Compare(long convertedA, long usersA, long convertedB, long usersB)
    {
        if (usersA == 0 || usersB == 0)
        {
            return null;
        }

        var (pa, pb) = ((double)convertedA / usersA, (double)convertedB / usersB);
        var pooled = (double)(convertedA + convertedB) / (usersA + usersB);
        var pooledSe = Math.Sqrt(pooled * (1 - pooled) * (1.0 / usersA + 1.0 / usersB));
        var z = pooledSe == 0 ? 0 : (pb - pa) / pooledSe;
        var p = pooledSe == 0 ? 1 : 2 * (1 - NormalCdf(Math.Abs(z)));
        var se = Math.Sqrt(pa * (1 - pa) / usersA + pb * (1 - pb) / usersB);
        var diff = pb - pa;
        return new ProportionTest(Round(diff * 100), Math.Round(z, 4), Math.Round(p, 6), Round((diff - Z95 * se) * 100),
            Round((diff + Z95 * se) * 100), p < 0.05);
    }

    /// <summary>Standard normal CDF through erf (Abramowitz–Stegun 7.1.26, error below 1.5e-7).</summary>
    public static double NormalCdf(double x)
    {
        var t = 1 / (1 + 0.3275911 * Math.Abs(x) / Math.Sqrt(2));
        var poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
        var erf = 1 - poly * Math.Exp(-x * x / 2);
        return x >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
    }

    private static double Round(double value) => Math.Round(value, 2);
}
