using System.Text;
using Microsoft.Extensions.Time.Testing;
using TickKernelExtensions.Ingest.Raw;
using TickKernelExtensions.Market;
using TickKernelExtensions.Tests.Support;

namespace TickKernelExtensions.Tests.Ingest.Raw;

public sealed class RawZoneTests : IDisposable
{
    private const string Source = "dukascopy-bi5";
    private const string File1 = "EURUSD/2019/01/04/00h_ticks.bi5";
    private readonly TempDirectory _dir = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));

    public void Dispose() => _dir.Dispose();

    private RawZone Zone() => new(_dir.Path, _time);

    private static RawProvenance From(string url) => new(url, 200, 1);

    [Fact]
    public void Store_NewFile_WritesBytesAndManifestLine()
    {
        var zone = Zone();
        var bytes = Encoding.ASCII.GetBytes("payload");

        var result = zone.Store(Source, File1, bytes, From("http://x/a"));

        Assert.True(result.Written);
        Assert.Equal(bytes, File.ReadAllBytes(zone.PathOf(Source, File1)));
        var entry = Assert.Single(zone.Manifest(Source).ReadAll());
        Assert.Equal(File1, entry.Path);
        Assert.Equal("http://x/a", entry.Url);
        Assert.Equal(RawVerdict.Stored, entry.Verdict);
        Assert.Equal(7, entry.Size);
        Assert.Equal(result.Sha256, entry.Sha256);
        Assert.Equal(_time.GetUtcNow(), entry.Time);
    }

    [Fact]
    public void Store_SameBytesAgain_IsNoOp()
    {
        var zone = Zone();
        var bytes = Encoding.ASCII.GetBytes("payload");
        zone.Store(Source, File1, bytes, From("u"));
        var before = File.GetLastWriteTimeUtc(zone.PathOf(Source, File1));

        var again = zone.Store(Source, File1, bytes, From("u"));

        Assert.False(again.Written);
        Assert.Equal(before, File.GetLastWriteTimeUtc(zone.PathOf(Source, File1)));
        Assert.Equal([RawVerdict.Stored, RawVerdict.AlreadyStored], zone.Manifest(Source).ReadAll().Select(e => e.Verdict));
    }

    [Fact]
    public void Store_DifferentBytes_ThrowsConflictAndKeepsOriginal()
    {
        var zone = Zone();
        zone.Store(Source, File1, "original"u8, From("u"));

        var e = Assert.Throws<MarketDataException>(() => zone.Store(Source, File1, "tampered"u8, From("u")));

        Assert.Equal(MarketDataErrorKind.RawConflict, e.Kind);
        Assert.Contains(zone.PathOf(Source, File1), e.Message, StringComparison.Ordinal);
        Assert.Equal("original"u8.ToArray(), File.ReadAllBytes(zone.PathOf(Source, File1)));
        Assert.Equal(RawVerdict.Conflict, zone.Manifest(Source).Latest()[File1].Verdict);
    }

    [Fact]
    public void Store_ConcurrentSameBytes_OneWriteNoError()
    {
        var zone = Zone();
        var bytes = Encoding.ASCII.GetBytes(new string('x', 100_000));

        var results = Enumerable.Range(0, 8).AsParallel().Select(_ => zone.Store(Source, File1, bytes, From("u"))).ToList();

        Assert.Single(results, r => r.Written);
        Assert.Equal(bytes, File.ReadAllBytes(zone.PathOf(Source, File1)));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(zone.PathOf(Source, File1))!, ".*"));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Store_WrittenFile_IsReadOnly()
    {
        var zone = Zone();
        zone.Store(Source, File1, "payload"u8, From("u"));

        var mode = File.GetUnixFileMode(zone.PathOf(Source, File1));

        Assert.Equal(UnixFileMode.None, mode & (UnixFileMode.UserWrite | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite));
    }

    [Fact]
    public void Record_EmptyOutcome_StoresNoFile()
    {
        var zone = Zone();

        zone.Record(Source, File1, From("u"), RawVerdict.EmptySuspect, "empty body in trading hours after 3 checks");

        Assert.False(zone.Contains(Source, File1));
        var entry = zone.Manifest(Source).Latest()[File1];
        Assert.Equal(RawVerdict.EmptySuspect, entry.Verdict);
        Assert.Equal("empty body in trading hours after 3 checks", entry.Detail);
    }

    [Fact]
    public void Manifest_TornLastLine_IsSkippedAndNextAppendStillParses()
    {
        var zone = Zone();
        zone.Store(Source, File1, "a"u8, From("u"));
        File.AppendAllText(zone.Manifest(Source).FilePath, "{\"path\":\"EURUSD/2019/01/04/01h_tic");

        zone.Record(Source, "EURUSD/2019/01/04/02h_ticks.bi5", From("u"), RawVerdict.NotFound);

        var entries = zone.Manifest(Source).ReadAll();
        Assert.Equal([RawVerdict.Stored, RawVerdict.NotFound], entries.Select(e => e.Verdict));
    }

    [Fact]
    public void Manifest_Line_UsesSnakeCaseFields()
    {
        var zone = Zone();
        zone.Store(Source, File1, "a"u8, From("http://h/p"));

        var line = File.ReadAllLines(zone.Manifest(Source).FilePath).Single();

        foreach (var field in new[] { "\"path\":", "\"url\":", "\"sha256\":", "\"size\":", "\"http_status\":", "\"attempts\":", "\"time\":", "\"verdict\":\"stored\"" })
        {
            Assert.Contains(field, line, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void List_SkipsManifestAndTempFiles()
    {
        var zone = Zone();
        zone.Store(Source, File1, "a"u8, From("u"));
        zone.Store(Source, "EURUSD/2019/01/04/01h_ticks.bi5", "b"u8, From("u"));
        File.WriteAllText(Path.Combine(Path.GetDirectoryName(zone.PathOf(Source, File1))!, ".junk.tmp"), "x");

        Assert.Equal(["EURUSD/2019/01/04/00h_ticks.bi5", "EURUSD/2019/01/04/01h_ticks.bi5"], zone.List(Source));
    }

    [Fact]
    public void PathOf_EscapingPath_Throws() =>
        Assert.Throws<ArgumentException>(() => Zone().PathOf(Source, "../../etc/passwd"));
}
