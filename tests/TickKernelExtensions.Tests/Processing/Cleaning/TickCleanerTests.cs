using TickKernelExtensions.Market;
using TickKernelExtensions.Processing.Cleaning;
using static TickKernelExtensions.Tests.Processing.Cleaning.CleaningSamples;

namespace TickKernelExtensions.Tests.Processing.Cleaning;

public sealed class TickCleanerTests
{
    [Fact]
    public void CleanChunk_CleanSortedTicks_KeepsEveryTickUnflagged()
    {
        var input = Quiet(500);

        var (ticks, flags, report) = Clean(input);

        Assert.Equal(500, ticks.Count);
        Assert.Equal(input.Timestamps.ToArray(), ticks.Timestamps.ToArray());
        Assert.Equal(input.Bids.ToArray(), ticks.Bids.ToArray());
        Assert.All(flags, f => Assert.Equal(TickFlags.None, f));
        Assert.Equal(500, report.InputTicks);
        Assert.Equal(500, report.KeptTicks);
        Assert.Equal(0, report.DroppedTicks);
        Assert.Equal(0, report.FlaggedTicks);
        Assert.Equal(input.Timestamps[0], report.FirstTickMicros);
        Assert.Equal(input.Timestamps[^1], report.LastTickMicros);
    }

    [Fact]
    public void CleanChunk_NaNAndInfinitePrices_DroppedAsNonFinite()
    {
        var input = Of((At(10), 1.09, 1.0901), (At(10, 0, 1), double.NaN, 1.0901),
            (At(10, 0, 2), 1.09, double.PositiveInfinity), (At(10, 0, 3), 1.09, 1.0901));

        var (ticks, _, report) = Clean(input);

        Assert.Equal(2, ticks.Count);
        Assert.Equal(2, report.Dropped(TickDropReason.NonFinite));
        Assert.Equal(4, report.InputTicks);
    }

    [Fact]
    public void CleanChunk_ZeroAndNegativePrices_DroppedAsNonPositive()
    {
        var input = Of((At(10), 0, 1.0901), (At(10, 0, 1), 1.09, -1), (At(10, 0, 2), 1.09, 1.0901));

        var (ticks, _, report) = Clean(input);

        Assert.Equal(1, ticks.Count);
        Assert.Equal(2, report.Dropped(TickDropReason.NonPositive));
    }

    [Fact]
    public void CleanChunk_TickOutsideTheDay_DroppedAsOutsideDay()
    {
        var input = Of((At(0) - 1, 1.09, 1.0901), (At(0), 1.09, 1.0901), (At(0) + TickTime.MicrosPerDay, 1.09, 1.0901));

        var (ticks, _, report) = Clean(input);

        Assert.Equal([At(0)], ticks.Timestamps.ToArray());
        Assert.Equal(2, report.Dropped(TickDropReason.OutsideDay));
    }

    [Fact]
    public void CleanChunk_CrossedQuoteUnderDrop_Dropped()
    {
        var input = Of((At(10), 1.09, 1.0901), (At(10, 0, 1), 1.0902, 1.0901), (At(10, 0, 2), 1.09, 1.09));

        var (ticks, flags, report) = Clean(input);

        Assert.Equal([At(10), At(10, 0, 2)], ticks.Timestamps.ToArray());
        Assert.Equal(1, report.Dropped(TickDropReason.CrossedQuote));
        Assert.Equal(TickFlags.None, flags[1]); // a locked quote (ask == bid) is not crossed
    }

    [Fact]
    public void CleanChunk_CrossedQuoteUnderFlag_KeptAndFlagged()
    {
        var input = Of((At(10), 1.09, 1.0901), (At(10, 0, 1), 1.0902, 1.0901));

        var (ticks, flags, report) = Clean(input, new TickCleaningOptions { CrossedQuotes = CleaningPolicy.Flag });

        Assert.Equal(2, ticks.Count);
        Assert.Equal(TickFlags.CrossedQuote, flags[1]);
        Assert.Equal(1, report.Flagged(TickFlags.CrossedQuote));
        Assert.Equal(0, report.DroppedTicks);
    }

    [Fact]
    public void CleanChunk_ExactRepeatInSameMillisecond_DroppedAsDuplicate()
    {
        // Two different ticks in one millisecond are normal; only the exact repeat of either goes.
        var input = Of((At(10), 1.09, 1.0901), (At(10), 1.0901, 1.0902), (At(10), 1.09, 1.0901), (At(10, 0, 1), 1.09, 1.0901));

        var (ticks, _, report) = Clean(input);

        Assert.Equal(3, ticks.Count);
        Assert.Equal([1.09, 1.0901, 1.09], ticks.Bids.ToArray());
        Assert.Equal(1, report.Dropped(TickDropReason.DuplicateExact));
    }

    [Fact]
    public void CleanChunk_SamePricesDifferentVolume_IsNotADuplicate()
    {
        var input = new TickColumns();
        input.Add(At(10), 1.09, 1.0901, 1f, 1f);
        input.Add(At(10), 1.09, 1.0901, 2f, 1f);

        var (ticks, _, _) = Clean(input);

        Assert.Equal(2, ticks.Count);
    }

    [Fact]
    public void CleanChunk_DuplicateUnderFlag_KeptAndFlagged()
    {
        var input = Of((At(10), 1.09, 1.0901), (At(10), 1.09, 1.0901));

        var (ticks, flags, report) = Clean(input, new TickCleaningOptions { Duplicates = CleaningPolicy.Flag });

        Assert.Equal(2, ticks.Count);
        Assert.Equal(TickFlags.Duplicate, flags[1]);
        Assert.Equal(1, report.Flagged(TickFlags.Duplicate));
    }

    [Fact]
    public void CleanChunk_UnsortedChunk_StableSortedAndLateTicksFlaggedReordered()
    {
        var input = Of((At(10, 0, 2), 1.0902, 1.0903), (At(10, 0, 1), 1.0901, 1.0902), (At(10, 0, 1), 1.0905, 1.0906), (At(10, 0, 3), 1.09, 1.0901));

        var (ticks, flags, report) = Clean(input);

        Assert.Equal([At(10, 0, 1), At(10, 0, 1), At(10, 0, 2), At(10, 0, 3)], ticks.Timestamps.ToArray());
        Assert.Equal([1.0901, 1.0905, 1.0902, 1.09], ticks.Bids.ToArray()); // equal timestamps keep their input order
        Assert.Equal([TickFlags.AfterGap | TickFlags.Reordered, TickFlags.Reordered, TickFlags.None, TickFlags.None], flags); // nothing since 00:00
        Assert.Equal(2, report.Flagged(TickFlags.Reordered));
        Assert.Equal(0, report.DroppedTicks);
    }

    [Fact]
    public void CleanChunk_TickEarlierThanPreviousChunk_DroppedAsOutOfOrder()
    {
        var cleaner = TickCleaner.Create("EURUSD", Day);
        var output = new TickColumns();
        var flags = new TickFlags[4];
        cleaner.CleanChunk(Of((At(10, 0, 5), 1.09, 1.0901)), output, flags);

        var appended = cleaner.CleanChunk(Of((At(10, 0, 4), 1.09, 1.0901), (At(10, 0, 5), 1.0901, 1.0902)), output, flags);

        Assert.Equal(1, appended);
        Assert.Equal(1, cleaner.Complete().Dropped(TickDropReason.OutOfOrder));
    }

    [Fact]
    public void CleanChunk_SpreadTenTimesTheMedian_FlaggedWideSpread()
    {
        var input = Quiet(100);
        input.Add(At(0, 1), 1.0898, 1.0903, 1f, 1f); // 5 pips against a 0.2 pip median, mid unchanged

        var (_, flags, report) = Clean(input);

        Assert.Equal(TickFlags.WideSpread, flags[^1] & TickFlags.WideSpread);
        Assert.Equal(1, report.Flagged(TickFlags.WideSpread));
    }

    [Fact]
    public void CleanChunk_MixedProblems_EveryInputTickCountedOnce()
    {
        var input = Quiet(200);
        input.Add(At(10, 1), double.NaN, 1, 1f, 1f);
        input.Add(At(10, 1), 0, 1, 1f, 1f);
        input.Add(At(10, 1), 1.2, 1.1, 1f, 1f);
        input.Add(At(10, 1), 1.2, 1.1, 1f, 1f);

        var (ticks, _, report) = Clean(input);

        Assert.Equal(report.InputTicks, report.KeptTicks + report.DroppedTicks);
        Assert.Equal(ticks.Count, report.KeptTicks);
        Assert.Equal(2, report.Dropped(TickDropReason.CrossedQuote));
    }

    [Fact]
    public void CleanChunk_AfterComplete_Throws()
    {
        var cleaner = TickCleaner.Create("EURUSD", Day);
        cleaner.Complete();

        Assert.Throws<InvalidOperationException>(() => cleaner.CleanChunk(Quiet(1), new TickColumns(), new TickFlags[1]));
    }

    [Fact]
    public void CleanChunk_FlagsSpanTooShort_ThrowsNamingTheSizes()
    {
        var cleaner = TickCleaner.Create("EURUSD", Day);

        var e = Assert.Throws<ArgumentException>(() => cleaner.CleanChunk(Quiet(3), new TickColumns(), new TickFlags[2]));

        Assert.Contains("expected at least 3", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CleanChunk_MissingHour_ReportedAndNextTickFlaggedAfterGap()
    {
        var input = Of((At(0), 1.09, 1.0901), (At(10), 1.09, 1.0901),
            (At(11), 1.09, 1.0901), (At(23, 59, 30), 1.09, 1.0901));

        var (_, flags, report) = Clean(input);

        Assert.Equal([TickFlags.None, TickFlags.AfterGap, TickFlags.AfterGap, TickFlags.AfterGap], flags);
        Assert.Equal(3, report.MissingGaps);
        Assert.Equal(0, report.ExpectedGaps);
        Assert.Equal(TimeSpan.FromHours(24).Add(TimeSpan.FromSeconds(-30)).TotalSeconds, report.MissingSeconds);
    }

    [Fact]
    public void CleanChunk_TicksAfterFridayClose_FlaggedClosedSession()
    {
        // Friday 2024-03-15: New York closes at 17:00 EDT = 21:00 UTC.
        var friday = new DateOnly(2024, 3, 15);
        long At(int h, int m) => TickTime.ToMicros(friday.ToDateTime(new TimeOnly(h, m), DateTimeKind.Utc));
        var input = Of((At(20, 59), 1.09, 1.0901), (At(21, 0), 1.09, 1.0901), (At(21, 0) + 1, 1.0901, 1.0902));

        var (_, flags, report) = TickCleaner.CleanDay("EURUSD", friday, input);

        Assert.Equal(TickFlags.None, flags[0] & TickFlags.ClosedSession);
        Assert.Equal(TickFlags.ClosedSession, flags[1] & TickFlags.ClosedSession);
        Assert.Equal(2, report.Flagged(TickFlags.ClosedSession));
    }

    [Fact]
    public void CleanChunk_CryptoRuleOnSaturday_NotClosedSession()
    {
        var saturday = new DateOnly(2024, 3, 16);
        var t = TickTime.ToMicros(saturday.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc));
        var options = new TickCleaningOptions { Gaps = new GapDetectionOptions { Sessions = TradingSessionRule.AlwaysOpen } };

        var (_, flags, _) = TickCleaner.CleanDay("BTCUSD", saturday, Of((t, 65_000, 65_001)), options);

        Assert.Equal(TickFlags.None, flags[0] & TickFlags.ClosedSession);
    }

    [Fact]
    public void CleanChunk_QuoteFrozenLongerThanStaleAfter_FlaggedStale()
    {
        // Ticks every 30 s (no gap) with the same bid and ask; only volumes move. Stale after 5 minutes.
        var input = new TickColumns();
        for (var i = 0; i <= 12; i++)
        {
            input.Add(At(10) + (i * 30 * 1_000_000L), 1.09, 1.0901, i, 1f);
        }
        input.Add(At(10, 6, 30), 1.0901, 1.0902, 1f, 1f);

        var (_, flags, report) = Clean(input);

        Assert.Equal(2, report.Flagged(TickFlags.Stale)); // 05:30 and 06:00 after the last change at 00:00
        Assert.Equal(TickFlags.Stale, flags[11] & TickFlags.Stale);
        Assert.Equal(TickFlags.None, flags[10] & TickFlags.Stale); // exactly 5 minutes is not yet stale
        Assert.Equal(TickFlags.None, flags[^1] & TickFlags.Stale);
    }
}
