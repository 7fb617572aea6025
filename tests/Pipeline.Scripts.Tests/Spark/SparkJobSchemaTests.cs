using System.Globalization;
using TickKernelExtensions.Processing.Bars;
using TickKernelExtensions.Processing.Cleaning;
using TickKernelExtensions.Processing.Features;
using TickKernelExtensions.Processing.Gold;
using TickKernelExtensions.Processing.Silver;

namespace Pipeline.Scripts.Tests.Spark;

/// <summary>
/// The Spark job writes the workbench's own tables: its column lists, flag bits, drop reasons and table names are
/// those of <see cref="SilverTicks"/>, <see cref="SilverQuality"/>, <see cref="GoldSchemas"/>, <see cref="TickFlags"/> and
/// <see cref="TickDropReason"/>, so either engine can re-run the other's days.
/// </summary>
public sealed class SparkJobSchemaTests
{
    [Fact]
    public async Task TableColumns_Job_AreTheLibrarysInOrder()
    {
        var output = await SparkJobPython.EvalAsync("print(','.join(tp.SILVER_COLUMNS)); print(','.join(tp.QUALITY_COLUMNS)); print(','.join(tp.BAR_COLUMNS))");
        var lines = output.Split('\n');

        Assert.Equal(SilverTicks.Schema.Fields.Select(f => f.Name), lines[0].Split(','));
        Assert.Equal(SilverQuality.Schema.Fields.Select(f => f.Name), lines[1].Split(','));
        Assert.Equal(GoldSchemas.BarsSchema.Fields.Select(f => f.Name), lines[2].Split(','));
    }

    [Fact]
    public async Task FlagsAndDropReasons_Job_AreTheLibrarysBitsAndOrder()
    {
        var output = await SparkJobPython.EvalAsync("print(','.join('{}={}'.format(n, b) for n, b in tp.FLAG_NAMES)); print(','.join(tp.DROP_REASONS))");
        var lines = output.Split('\n');

        Assert.Equal(Enum.GetValues<TickFlags>().Where(f => f != TickFlags.None).Select(f => string.Create(CultureInfo.InvariantCulture, $"{Snake(f.ToString())}={(int)f}")),
            lines[0].Split(','));
        Assert.Equal(Enum.GetValues<TickDropReason>().Select(r => Snake(r.ToString())), lines[1].Split(','));
    }

    [Theory]
    [InlineData("1m", null)]
    [InlineData("15s", null)]
    [InlineData("250ms", null)]
    [InlineData("60m", null)]
    [InlineData("1d", "America/New_York")]
    public async Task BarsTableName_Job_IsGoldSchemasBarsTable(string timeframe, string? sessionZone)
    {
        var suffix = sessionZone is null ? "" : "_session";
        var output = (await SparkJobPython.EvalAsync(
            $"us = tp.parse_timeframe('{timeframe}'); print(us); print(tp.timeframe_label(us) + '{suffix}')")).Split('\n');

        var library = GoldSchemas.BarsTable(new TimeBarOptions
        {
            Timeframe = TimeSpan.FromMicroseconds(long.Parse(output[0], CultureInfo.InvariantCulture)),
            SessionTimeZone = sessionZone,
        });

        Assert.Equal(library.Name, "bars_" + output[1]);
    }

    [Fact]
    public async Task FeaturesTableName_Job_IsGoldSchemasFeaturesTable()
    {
        var output = await SparkJobPython.EvalAsync("print('features_{}_v{}'.format(tp.table_name(tp.GOLD_CORE['name']), tp.GOLD_CORE['version']))");

        Assert.Equal(GoldSchemas.FeaturesTable(FeatureSetDefinition.GoldCore).Name, output);
    }

    private static string Snake(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
