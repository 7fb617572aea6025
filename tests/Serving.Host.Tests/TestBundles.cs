using Microsoft.Extensions.Time.Testing;
using Microsoft.ML;
using TickKernelExtensions.Market;
using TickKernelExtensions.Modeling.Export;
using TickKernelExtensions.Processing.Features;

namespace Serving.Host.Tests;

/// <summary>
/// A tiny deterministic classifier on four features (as the library's bundle tests build one), trained once per test
/// class, and bundles of it written under a temporary root; plus the random-walk ticks of the engine tests.
/// </summary>
public sealed class TestBundles : IDisposable
{
    public static readonly FeatureSetDefinition FeatureSet = new("test-core", 1,
        [FeatureSpec.LogReturn(1), FeatureSpec.LogReturn(5), FeatureSpec.RealizedVolatility(15), FeatureSpec.RelativeSpread()],
        codeVersion: "test");

    public static readonly long Monday10 = TickTime.ToMicros(new DateTime(2026, 11, 30, 10, 0, 0, DateTimeKind.Utc));

    private readonly ITransformer _model = SyntheticClassifier.Train(rows: 400, trees: 20, leaves: 8);

    /// <summary>The root the bundles are written under: a temporary folder, or e.g. a data root's <c>models/</c> (the CLI tests link this file).</summary>
    public string Root { get; init; } = Path.Combine(Path.GetTempPath(), "serving-tests", Guid.NewGuid().ToString("N"));

    /// <summary>Writes (once) version <paramref name="version"/> of the test model and returns its folder.</summary>
    public string Bundle(string version, double buyAt = 0.6, double sellAt = 0.4)
    {
        lock (_model)
        {
            Directory.CreateDirectory(Root);
            var folder = ModelBundle.FolderOf("eurusd-direction", version, Root);
            if (Directory.Exists(folder))
            {
                return folder;
            }
            var content = new ModelBundleContent
            {
                Name = "eurusd-direction",
                Version = version,
                Model = _model,
                Signature = new ModelSignature(["log_return_1", "log_return_5", "realized_vol_15", "spread_rel"]),
                FeatureSet = FeatureSet,
                Datasets = [new ModelDatasetVersion("gold.features", "gold.features@1")],
                Metrics = new Dictionary<string, double> { ["test_auc"] = 0.8125 },
                Thresholds = new DecisionThresholds { BuyAt = buyAt, SellAt = sellAt },
            };
            var options = new ModelBundleOptions { Root = Root, TimeProvider = new FakeTimeProvider(new DateTimeOffset(2026, 12, 2, 6, 30, 0, TimeSpan.Zero)) };
            return ModelBundleWriter.Write(content, options).Folder;
        }
    }

    /// <summary>A copy of <paramref name="folder"/> with one byte of the model changed: it no longer verifies.</summary>
    public string Corrupt(string folder)
    {
        var copy = Path.Combine(Root, "corrupt-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(copy);
        foreach (var file in Directory.EnumerateFiles(folder))
        {
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        }
        var model = Directory.EnumerateFiles(copy, "*.zip").First();
        var bytes = File.ReadAllBytes(model);
        bytes[bytes.Length / 2] ^= 0xFF;
        File.WriteAllBytes(model, bytes);
        return copy;
    }

    /// <summary>Ticks 100–900 ms apart from Monday 10:00 UTC, a ±1 pip random walk around 1.1 (the engine tests' walk).</summary>
    public static TickColumns RandomWalk(int count, int seed, long start = 0)
    {
        var random = new Random(seed);
        var ticks = new TickColumns(count);
        var t = start == 0 ? Monday10 : start;
        var mid = 1.10000;
        for (var i = 0; i < count; i++)
        {
            t += (100 + random.Next(800)) * 1_000L;
            mid += (random.Next(3) - 1) * 0.00001;
            var half = (5 + random.Next(16)) * 0.000005;
            ticks.Add(t, Math.Round(mid - half, 6), Math.Round(mid + half, 6), 1f, 1f);
        }
        return ticks;
    }

    /// <summary>
    /// Ticks 500 ms apart from Monday 10:00 UTC whose mid swings ±40 % (in log terms) over a six-minute cycle: large
    /// one-bar returns, so the test model alternates buy and sell and a demo account opens and closes positions.
    /// </summary>
    public static TickColumns Swings(int count)
    {
        var ticks = new TickColumns(count);
        for (var i = 0; i < count; i++)
        {
            var t = Monday10 + ((i + 1) * 500_000L);
            var mid = 1.1 * Math.Exp(0.4 * Math.Sin(2 * Math.PI * i / 720.0));
            ticks.Add(t, Math.Round(mid - 0.00005, 6), Math.Round(mid + 0.00005, 6), 1f, 1f);
        }
        return ticks;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A file still mapped by a disposed-late bundle: the temp folder is the OS's to clean.
        }
    }
}
