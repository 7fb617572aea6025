using TickKernelExtensions.Market;
using TickKernelExtensions.Processing.Bars;
using TickKernelExtensions.Processing.Features;

namespace TickKernelExtensions.Tests.Processing.Features;

/// <summary>
/// Causality: recomputing every feature on data truncated at time t gives bit-identical values for every row known
/// by t. Ticks after t are dropped, bars are rebuilt WITHOUT a final flush (a flushed bar is incomplete by
/// definition), features are recomputed from scratch, and each row must equal the full run's row bit for bit
/// (NaN included). Checked at 40 cut times for time bars (both empty-bar policies) and 5-tick bars.
/// </summary>
public sealed class FeatureCausalityTests
{
    private static readonly FeatureSetDefinition Definition = new("causality", 1,
    [
        .. FeatureSetDefinition.GoldCore.Features,
        FeatureSpec.FracDiff(0.6, 1e-3),
        FeatureSpec.MidZScore(5),
        FeatureSpec.Session("Europe/London", new TimeOnly(8, 0)),
    ], "test");

    public static TheoryData<string> BarKinds => new("minute-skip", "minute-carry", "tick-5");

    [Theory]
    [MemberData(nameof(BarKinds))]
    public void EveryFeature_DataTruncatedAtT_GivesIdenticalValuesUpToT(string barKind)
    {
        var ticks = FeatureTestData.Ticks();
        var full = Compute(ticks, ticks.Count, barKind);
        Assert.True(full.Count > 1_000, $"{full.Count} rows");
        AssertEveryColumnHasValues(full);

        var first = ticks.Timestamps[0];
        var last = ticks.Timestamps[ticks.Count - 1];
        for (var cut = 1; cut <= 40; cut++)
        {
            var t = first + ((last - first) / 41 * cut) + (cut * 7_919);
            var kept = CountAtOrBefore(ticks.Timestamps, t);
            var truncated = Compute(ticks, kept, barKind);

            // Every bar that closed by the last kept tick is emitted (a time bar when a tick at or after its end
            // arrives, carried-forward bars with the tick after the gap), so the truncated run knows exactly those.
            var lastKept = ticks.Timestamps[kept - 1];
            Assert.Equal(CountAtOrBefore(full.CloseTimes, lastKept), truncated.Count);
            for (var row = 0; row < truncated.Count; row++)
            {
                Assert.True(truncated.CloseTimes[row] <= t);
                Assert.Equal(full.OpenTimes[row], truncated.OpenTimes[row]);
                Assert.Equal(full.CloseTimes[row], truncated.CloseTimes[row]);
                for (var c = 0; c < full.ColumnNames.Count; c++)
                {
                    var expected = BitConverter.DoubleToInt64Bits(full.Column(c)[row]);
                    var actual = BitConverter.DoubleToInt64Bits(truncated.Column(c)[row]);
                    Assert.True(expected == actual,
                        $"{full.ColumnNames[c]} at row {row} ({TickTime.FromMicros(full.CloseTimes[row]):O}) differs when cut at {TickTime.FromMicros(t):O}");
                }
            }
        }
    }

    [Fact]
    public void Calculator_BarsTruncatedAtEveryRow_PrefixIsIdentical()
    {
        var bars = BuildBars(FeatureTestData.Ticks(), int.MaxValue, "minute-skip");
        var full = new FeatureSetCalculator(Definition);
        var fullTable = full.CreateTable();
        full.Append(bars, fullTable);

        for (var k = 0; k < bars.Count; k += 97)
        {
            var prefix = new BarColumns();
            prefix.AddRange(bars, 0, k);
            var calculator = new FeatureSetCalculator(Definition);
            var table = calculator.CreateTable();
            calculator.Append(prefix, table);
            for (var c = 0; c < table.ColumnNames.Count; c++)
            {
                Assert.True(BitEqual(fullTable.Column(c)[..k], table.Column(c)), $"{table.ColumnNames[c]} with {k} bars");
            }
        }
    }

    [Fact]
    public void Update_StreamedBarByBar_EqualsAppendOverTheBatch()
    {
        var bars = BuildBars(FeatureTestData.Ticks(), int.MaxValue, "minute-carry");
        var batch = new FeatureSetCalculator(Definition);
        var table = batch.CreateTable();
        batch.Append(bars, table);

        var streaming = new FeatureCalculators(Definition).For("EURUSD");
        var row = new double[streaming.Columns.Count];
        for (var i = 0; i < bars.Count; i++)
        {
            streaming.Update(bars[i], row);
            for (var c = 0; c < row.Length; c++)
            {
                Assert.Equal(BitConverter.DoubleToInt64Bits(table.Column(c)[i]), BitConverter.DoubleToInt64Bits(row[c]));
            }
        }
    }

    private static bool BitEqual(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        if (a.Length != b.Length)
        {
            return false;
        }
        for (var i = 0; i < a.Length; i++)
        {
            if (BitConverter.DoubleToInt64Bits(a[i]) != BitConverter.DoubleToInt64Bits(b[i]))
            {
                return false;
            }
        }
        return true;
    }

    private static void AssertEveryColumnHasValues(FeatureTable table)
    {
        for (var c = 0; c < table.ColumnNames.Count; c++)
        {
            var values = 0;
            foreach (var v in table.Column(c))
            {
                values += double.IsNaN(v) ? 0 : 1;
            }
            Assert.True(values >= 500, $"{table.ColumnNames[c]}: {values} of {table.Count} values");
        }
    }

    private static int CountAtOrBefore(ReadOnlySpan<long> sorted, long t)
    {
        var n = 0;
        while (n < sorted.Length && sorted[n] <= t)
        {
            n++;
        }
        return n;
    }

    private static FeatureTable Compute(TickColumns ticks, int count, string barKind)
    {
        var bars = BuildBars(ticks, count, barKind);
        var calculator = new FeatureSetCalculator(Definition);
        var table = calculator.CreateTable();
        calculator.Append(bars, table);
        return table;
    }

    private static BarColumns BuildBars(TickColumns ticks, int count, string barKind)
    {
        IBarBuilder builder = barKind switch
        {
            "minute-skip" => new TimeBarBuilder(new TimeBarOptions()),
            "minute-carry" => new TimeBarBuilder(TimeBarOptions.DukascopyMinute),
            _ => new TickBarBuilder(new TickBarOptions { TicksPerBar = 5 }),
        };
        var part = new TickColumns(Math.Min(count, ticks.Count));
        part.AddRange(ticks, 0, Math.Min(count, ticks.Count));
        var bars = new BarColumns();
        builder.Add(part, bars);
        return bars;
    }
}
