using System.Globalization;
using TickKernelExtensions.Ingest.Dukascopy;

namespace Ingest.Bench;

/// <summary>
/// The input of the bi5 benchmark: consecutive hour files of a random-walk EURUSD (3,000–5,000 ticks per hour,
/// Dukascopy-like spreads and volumes), encoded with our Dukascopy-style encoder. Generated once from a fixed seed
/// and cached under the work directory; loaded into pinned arrays so the anchor can hand them to liblzma directly.
/// </summary>
internal sealed class Bi5BenchData
{
    private const int Seed = 20190204;
    private const string Version = "bi5-bench v1";
    private static readonly DateTime FirstHour = new(2019, 2, 4, 0, 0, 0, DateTimeKind.Utc);

    private Bi5BenchData(byte[][] files, int[] ticks)
    {
        Files = files;
        TickCounts = ticks;
        TotalTicks = ticks.Sum(t => (long)t);
        MaxTicksPerFile = ticks.Max();
        CompressedBytes = files.Sum(f => (long)f.Length);
    }

    /// <summary>The bi5 files, in pinned arrays.</summary>
    public byte[][] Files { get; }

    /// <summary>Ticks in each file.</summary>
    public int[] TickCounts { get; }

    public long TotalTicks { get; }

    public int MaxTicksPerFile { get; }

    public long CompressedBytes { get; }

    /// <summary>The UTC hour file <paramref name="index"/> covers.</summary>
    public static DateTime HourOf(int index) => FirstHour.AddHours(index);

    /// <summary>Loads the cached files under <paramref name="workDir"/>, generating them first if needed.</summary>
    public static Bi5BenchData LoadOrCreate(string workDir, int fileCount)
    {
        var dir = Path.Combine(workDir, "bi5-decode");
        var manifest = Path.Combine(dir, "manifest.txt");
        var expected = string.Create(CultureInfo.InvariantCulture, $"{Version} seed={Seed} files={fileCount}");
        if (!File.Exists(manifest) || File.ReadAllText(manifest) != expected)
        {
            Console.WriteLine($"generating {fileCount} hour files under {dir} ...");
            Directory.CreateDirectory(dir);
            Generate(dir, fileCount);
            File.WriteAllText(manifest, expected);
        }
        var files = new byte[fileCount][];
        var ticks = new int[fileCount];
        for (var i = 0; i < fileCount; i++)
        {
            var bytes = File.ReadAllBytes(FilePath(dir, i));
            files[i] = GC.AllocateUninitializedArray<byte>(bytes.Length, pinned: true);
            bytes.CopyTo(files[i], 0);
            ticks[i] = (int)(TickKernelExtensions.Ingest.Dukascopy.Lzma.LzmaAlone.ReadHeader(bytes).UncompressedSize / Bi5TickCodec.RecordSize);
        }
        return new Bi5BenchData(files, ticks);
    }

    private static string FilePath(string dir, int index) => Path.Combine(dir, index.ToString("D4", CultureInfo.InvariantCulture) + "h_ticks.bi5");

    private static void Generate(string dir, int fileCount)
    {
        var random = new Random(Seed);
        var bid = 114_000L;
        for (var f = 0; f < fileCount; f++)
        {
            var count = random.Next(3_000, 5_001);
            var offsets = new uint[count];
            for (var i = 0; i < count; i++)
            {
                offsets[i] = (uint)random.Next(0, (int)Bi5TickCodec.MillisecondsPerHour);
            }
            Array.Sort(offsets);
            var ticks = new Bi5Tick[count];
            for (var i = 0; i < count; i++)
            {
                var r = random.NextDouble();
                bid += r < 0.5 ? 0 : r < 0.7 ? 1 : r < 0.9 ? -1 : r < 0.95 ? 2 : -2;
                var spread = random.Next(10) < 8 ? random.Next(1, 4) : random.Next(4, 20);
                ticks[i] = new Bi5Tick(offsets[i], (uint)(bid + spread), (uint)bid, Volume(random), Volume(random));
            }
            File.WriteAllBytes(FilePath(dir, f), Bi5TickCodec.Encode(ticks));
        }
    }

    /// <summary>Like the feed: mostly exactly 1 (million), otherwise a two-decimal amount.</summary>
    private static float Volume(Random random) =>
        random.Next(2) == 0 ? 1f : (float)Math.Round(1 + (random.NextDouble() * 9), 2);
}
