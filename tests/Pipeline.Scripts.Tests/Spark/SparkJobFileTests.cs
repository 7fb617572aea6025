using System.Text.RegularExpressions;

namespace Pipeline.Scripts.Tests.Spark;

/// <summary>
/// The production Spark job checked for shape where no Spark runs: it compiles, it has the three steps with the C#
/// defaults, its pure parts (cleaning rules, sessions, FFD weights, feature-set JSON) do what the C# types do, and
/// docs/spark.md maps every step.
/// </summary>
public sealed partial class SparkJobFileTests
{
    [Fact]
    public async Task JobFile_PyCompile_Compiles()
    {
        using var dir = new TempDirectory();

        var (exit, _, error) = await SparkJobPython.RunAsync("-c", "import py_compile, sys; py_compile.compile(sys.argv[1], cfile=sys.argv[2], doraise=True)",
            SparkJobPython.JobFile, dir.Combine("tick_pipeline.pyc"));

        Assert.True(exit == 0, error);
    }

    [Fact]
    public async Task JobFile_Help_HasTheThreeStepsWithTheCSharpDefaults()
    {
        var (exit, help, error) = await SparkJobPython.RunAsync("tick_pipeline.py", "--help");
        var silver = (await SparkJobPython.RunAsync("tick_pipeline.py", "silver", "--help")).Output;
        var bars = (await SparkJobPython.RunAsync("tick_pipeline.py", "bars", "--help")).Output;
        var features = (await SparkJobPython.RunAsync("tick_pipeline.py", "features", "--help")).Output;

        Assert.True(exit == 0, error);
        Assert.Contains("{silver,bars,features}", help, StringComparison.Ordinal);
        foreach (var expected in new[] { "--spike-window", "(default 100)", "(default 10)", "(default 5e-5)", "(default 60)", "America/New_York", "17:00" })
        {
            Assert.Contains(expected, Flat(silver), StringComparison.Ordinal);
        }
        foreach (var expected in new[] { "--timeframe", "(default 1m)", "--empty-bars", "(default skip)", "--kind" })
        {
            Assert.Contains(expected, Flat(bars), StringComparison.Ordinal);
        }
        Assert.Contains("--feature-set", features, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CleanDay_ScriptedTicks_DropsAndFlagsAsTheCleanerDoes()
    {
        // 2024-03-05 (a Tuesday): 40 calm ticks a second apart from 10:00 UTC, then the cases, a 2-minute gap, and a quote
    // left unchanged for six minutes.
        var output = await SparkJobPython.EvalAsync("""
            import json, math
            day = (tp.date(2024, 3, 5) - tp.date(1970, 1, 1)).days * tp.MICROS_PER_DAY
            t0 = day + 10 * 3600 * 1_000_000
            rows = [(t0 + i * 1_000_000, 1.1 + (i % 3) * 1e-5, 1.1002 + (i % 3) * 1e-5, 1.0, 2.0) for i in range(40)]
            t = t0 + 40 * 1_000_000
            rows += [
                (t, 1.1, 1.1002, 1.0, 2.0), (t, 1.1, 1.1002, 1.0, 2.0),            # exact repeat -> duplicate_exact
                (t + 1, float("nan"), 1.1, 1.0, 1.0),                                # non_finite
                (t + 2, 0.0, 1.1, 1.0, 1.0),                                         # non_positive
                (t + 3, 1.1003, 1.1001, 1.0, 1.0),                                   # crossed_quote
                (t + 4, 1.3, 1.3002, 1.0, 1.0),                                      # spike (flagged)
                (t + 6, 1.1, 1.1002, 1.0, 1.0), (t + 5, 1.1, 1.1002, 1.0, 1.0),     # the second arrives late -> reordered
                (t + 120_000_000, 1.1, 1.1002, 1.0, 1.0),                            # after a 2-minute gap
            ] + [
                (t + 120_000_000 + k * 60_000_000, 1.1, 1.1002, 1.0, 1.0) for k in range(1, 7)  # unchanged: the 6th is over 5 minutes -> stale
            ] + [
                (day + tp.MICROS_PER_DAY, 1.1, 1.1002, 1.0, 1.0),                    # next day -> outside_day
            ]
            options = dict(crossed_quotes="drop", duplicates="drop", spikes="flag", spike_window=100, spike_min_samples=20,
                           spike_threshold=10.0, spike_min_relative_scale=5e-5, spike_reanchor_after=5,
                           wide_spread_multiple=10.0, min_gap_us=60_000_000, stale_after_us=300_000_000)
            out, tail = tp.clean_day(rows, day, options, tp.SessionRule())
            drops = sorted(r[1] for r in out if r[1])
            flags = {name: sum(1 for r in out if r[1] is None and r[2] & bit) for name, bit in tp.FLAG_NAMES}
            gaps = [(r[4], r[5]) for r in out if r[4] is not None]
            print(json.dumps({"kept": sum(1 for r in out if r[1] is None), "drops": drops, "flags": flags, "gaps": gaps, "tail": list(tail),
                              "order": [rows[r[0]][0] - t for r in out if r[1] is None and 0 <= rows[r[0]][0] - t < 10]}))
            """);

        Assert.Equal(
            """{"kept": 51, "drops": ["crossed_quote", "duplicate_exact", "non_finite", "non_positive", "outside_day"], "flags": {"spike": 1, "wide_spread": 0, "crossed_quote": 0, "duplicate": 0, "after_gap": 2, "reordered": 1, "closed_session": 0, "stale": 1}, "gaps": [[36000000000, 36000000000], [119999994, 119999994]], "tail": [49880000000, 49880000000], "order": [0, 4, 5, 6]}""",
            output);
    }

    [Fact]
    public async Task SessionRule_NewYorkFivePm_FollowsDaylightSavingAndClosures()
    {
        var output = await SparkJobPython.EvalAsync("""
            s = tp.SessionRule()
            us = lambda *a: int((tp.datetime(*a, tzinfo=tp.timezone.utc) - tp.datetime(1970, 1, 1, tzinfo=tp.timezone.utc)).total_seconds()) * 1_000_000
            print(s.session_bounds(tp.date(2024, 3, 8)) == (us(2024, 3, 7, 22), us(2024, 3, 8, 22)))     # EST: 22:00 UTC
            print(s.session_bounds(tp.date(2024, 3, 11)) == (us(2024, 3, 10, 21), us(2024, 3, 11, 21)))   # EDT from 10 March
            print(s.session_date(us(2024, 3, 8, 21, 59)), s.session_date(us(2024, 3, 8, 22)))
            print(s.is_trading_day(tp.date(2024, 3, 9)), s.is_trading_day(tp.date(2024, 12, 25)), s.is_trading_day(tp.date(2024, 3, 11)))
            print(s.open_micros_between(us(2024, 3, 8, 21), us(2024, 3, 10, 22)) // 60_000_000)          # 60 min Friday + 60 min Sunday
            """);

        Assert.Equal("True\nTrue\n2024-03-08 2024-03-09\nFalse False True\n120", output);
    }

    [Fact]
    public async Task FeatureHelpers_GoldCore_MatchTheCSharpDefinitionForm()
    {
        var output = await SparkJobPython.EvalAsync("""
            w = tp.ffd_weights(0.4, 1e-4, 10_000)
            print(len(w), w[:3], abs(w[-1]) >= 1e-4, tp.format_double(0.4), tp.session_column("Europe/London", "08:00"))
            print(tp.canonical_json(tp.GOLD_CORE))
            """);
        var lines = output.Split('\n');

        Assert.Equal("282 [1.0, -0.4, -0.12000000000000002] True 0.4 session_minutes_europe_london_0800", lines[0]);
        Assert.StartsWith("""{"name":"gold-core","version":1,"code_version":"spark-tick-pipeline","features":[{"kind":"log_return","parameters":{"horizon":"1"}},""", lines[1], StringComparison.Ordinal);
        Assert.Contains("""{"kind":"ffd","parameters":{"d":"0.4","max_width":"10000","threshold":"0.0001"}}""", lines[1], StringComparison.Ordinal);
        Assert.EndsWith("""{"kind":"session","parameters":{"open":"17:00","time_zone":"America/New_York"}}]}""", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void SparkDoc_EveryStep_IsMappedToTheJob()
    {
        var root = RunAll.RunAllCommandTests.RepositoryRoot();
        var doc = File.ReadAllText(Path.Combine(root, "docs", "spark.md"));
        var job = File.ReadAllText(SparkJobPython.JobFile);
        string[] csharp =
        [
            "TickCleaner", "TickCleaningOptions", "SpikeFilter", "RollingMedianWindow", "GapDetector", "TradingSessionRule", "TickQualityReport",
            "TimeBarBuilder", "TickBarBuilder", "VolumeBarBuilder", "DollarBarBuilder", "BarAccumulator", "EmptyBarPolicy",
            "FeatureSetDefinition", "FeatureSetCalculator", "LogReturnFeature", "RealizedVolatilityFeature", "RelativeSpreadFeature",
            "QuoteImbalanceFeature", "ZScoreFeature", "FracDiffFeature", "TimeOfDayFeature", "SessionFeature",
        ];
        string[] python = ["run_silver", "clean_day", "SpikeFilter", "RollingMedian", "SessionRule", "run_bars", "bar_aggregates", "activity_bar_ids", "carry_forward", "run_features", "ffd_weights", "canonical_json", "content_hash"];

        Assert.All(csharp, name => Assert.Contains(name, doc, StringComparison.Ordinal));
        Assert.All(python, name => Assert.Contains($"`{name}`", doc, StringComparison.Ordinal));
        Assert.All(python, name => Assert.Matches($@"(?m)^(def|class) {name}\b", job));
        Assert.All(FeatureKinds().Matches(job).Select(m => m.Groups[1].Value), kind => Assert.Contains(kind, doc, StringComparison.Ordinal));
        Assert.All(new[] { "spark-submit", "Livy", "--dry-run", "overwritePartitions" }, s => Assert.Contains(s, doc, StringComparison.Ordinal));
    }

    private static string Flat(string help) => Regex.Replace(help, @"\s+", " ");

    [GeneratedRegex(@"kind == ""(\w+)""")]
    private static partial Regex FeatureKinds();
}
