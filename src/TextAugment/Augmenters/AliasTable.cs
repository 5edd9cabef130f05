namespace TextAugment.Augmenters;

/// <summary>
/// Samples an index with probability proportional to its weight in O(1) per draw (Vose's alias method):
/// one uniform column, then one biased coin.
/// </summary>
public sealed class AliasTable
{
    private readonly double[] _probability;
    private readonly int[] _alias;

    /// <summary>Builds the table.</summary>
    /// <exception cref="ArgumentException">A weight is negative or not finite, or all are zero.</exception>
    public AliasTable(ReadOnlySpan<double> weights)
    {
        int n = weights.Length;
        double largest = 0;
        foreach (double w in weights)
        {
            if (!double.IsFinite(w) || w < 0)
            {
                throw new ArgumentException($"weight {w} is not a finite number of at least 0.", nameof(weights));
            }

            largest = Math.Max(largest, w);
        }

        // Finite weights near double.MaxValue add up to infinity: then each is divided by the largest first.
        double total = 0;
        foreach (double w in weights)
        {
            total += w;
        }

        double divisor = double.IsFinite(total) ? 1 : largest;
        if (divisor != 1)
        {
            total = 0;
            foreach (double w in weights)
            {
                total += w / divisor;
            }
        }

        if (!(total > 0))
        {
            throw new ArgumentException("at least one weight must be positive.", nameof(weights));
        }

        _probability = new double[n];
        _alias = new int[n];
        var scaled = new double[n];
        var small = new Stack<int>();
        var large = new Stack<int>();
        for (int i = 0; i < n; i++)
        {
            scaled[i] = weights[i] / divisor * n / total;
            (scaled[i] < 1 ? small : large).Push(i);
        }

        while (small.Count > 0 && large.Count > 0)
        {
            int s = small.Pop(), l = large.Pop();
            _probability[s] = scaled[s];
            _alias[s] = l;
            scaled[l] = scaled[l] + scaled[s] - 1;
            (scaled[l] < 1 ? small : large).Push(l);
        }

        // What is left is 1 up to rounding.
        foreach (int i in large)
        {
            _probability[i] = 1;
        }

        foreach (int i in small)
        {
            _probability[i] = 1;
        }
    }

    /// <summary>Number of outcomes.</summary>
    public int Count => _probability.Length;

    /// <summary>Draws an index.</summary>
    public int Sample(AugmentRandom random)
    {
        ArgumentNullException.ThrowIfNull(random);
        int column = random.Next(_probability.Length);
        return random.NextDouble() < _probability[column] ? column : _alias[column];
    }
}
